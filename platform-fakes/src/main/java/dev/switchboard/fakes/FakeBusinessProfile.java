package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Google Business Profile API (v4) for tests: {@code GET
 * /v4/accounts/{accountId}/locations/{locationId}/reviews} with {@code pageSize} (1–50, default
 * 50), {@code pageToken}/{@code nextPageToken} (an offset into the listing as it is when the page
 * is asked for, so a review updated during a pass moves, as on a live listing), {@code orderBy}
 * ({@code updateTime desc} by default, {@code rating}, {@code rating desc}); answer {@code
 * reviews[]}, {@code averageRating}, {@code totalReviewCount}, {@code nextPageToken}, empty lists
 * and absent values left out as Google's JSON does. Authentication by the OAuth bearer token of the
 * location's manager. Errors as {@code {"error":{"code","message","status","details"}}}. Reviews
 * can be added, edited, replied to and removed while it runs, and {@link BusinessProfileFault}s
 * scripted for the next requests. Every request is recorded before its answer completes.
 */
public final class FakeBusinessProfile implements AutoCloseable {

  /** The display name Google gives an anonymous reviewer. */
  public static final String ANONYMOUS_NAME = "A Google user";

  private static final Pattern PATH =
      Pattern.compile("/v4/accounts/([^/]+)/locations/([^/]+)/reviews");

  private static final List<String> STARS = List.of("ONE", "TWO", "THREE", "FOUR", "FIVE");

  /** One request the fake received; status -1 if the client had gone. */
  public record RecordedRequest(
      long nanoTime, String path, String query, String authorization, int status) {}

  private record Location(String accountId, String locationId, String token) {}

  private static final class Review {
    final String reviewId;
    final String locationKey;
    final String reviewerName;
    final boolean anonymous;
    final Instant createTime;
    volatile int stars;
    volatile String comment;
    volatile Instant updateTime;
    volatile String replyComment;
    volatile Instant replyTime;
    volatile boolean corrupt;

    Review(
        String reviewId,
        String locationKey,
        String reviewerName,
        boolean anonymous,
        int stars,
        String comment,
        Instant at) {
      this.reviewId = reviewId;
      this.locationKey = locationKey;
      this.reviewerName = reviewerName;
      this.anonymous = anonymous;
      this.stars = stars;
      this.comment = comment;
      this.createTime = at;
      this.updateTime = at;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Location> locations = new ConcurrentHashMap<>();
  private final Map<String, Review> reviews = new ConcurrentHashMap<>();
  private final Deque<BusinessProfileFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger(1000);

  private FakeBusinessProfile(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeBusinessProfile start() {
    try {
      FakeBusinessProfile fake =
          new FakeBusinessProfile(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake Business Profile API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the API base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a verified location readable with the manager's {@code token}. */
  public FakeBusinessProfile addLocation(String accountId, String locationId, String token) {
    locations.put(key(accountId, locationId), new Location(accountId, locationId, token));
    return this;
  }

  /**
   * From now on the location's manager must send {@code token}: the previous one has expired (a
   * request with it gets 401), as an hour-old Google access token does.
   */
  public void setToken(String accountId, String locationId, String token) {
    locations.computeIfPresent(
        key(accountId, locationId), (k, l) -> new Location(l.accountId(), l.locationId(), token));
  }

  /**
   * A review of the location by a named reviewer, {@code stars} 1–5, {@code comment} null for a
   * rating alone; returns its id.
   */
  public String addReview(
      String accountId,
      String locationId,
      String reviewerName,
      int stars,
      String comment,
      Instant at) {
    return add(accountId, locationId, reviewerName, false, stars, comment, at);
  }

  /** A review by a reviewer who chose to stay anonymous; returns its id. */
  public String addAnonymousReview(
      String accountId, String locationId, int stars, String comment, Instant at) {
    return add(accountId, locationId, ANONYMOUS_NAME, true, stars, comment, at);
  }

  private String add(
      String accountId,
      String locationId,
      String name,
      boolean anonymous,
      int stars,
      String comment,
      Instant at) {
    String key = key(accountId, locationId);
    if (!locations.containsKey(key)) {
      throw new IllegalArgumentException("no such location: " + key);
    }
    checkStars(stars);
    // Review ids are long opaque strings; these are too, and unique across locations.
    String id = "AbFvOq" + sequence.incrementAndGet() + "x" + Integer.toHexString(key.hashCode());
    reviews.put(id, new Review(id, key, name, anonymous, stars, comment, at));
    return id;
  }

  /** The reviewer edits their review: new stars and text as of {@code at}. */
  public void editReview(String reviewId, int stars, String comment, Instant at) {
    checkStars(stars);
    Review review = review(reviewId);
    review.stars = stars;
    review.comment = comment;
    review.updateTime = at;
  }

  /**
   * The owner replies (or changes the reply) as of {@code at}. The review's own {@code updateTime}
   * is left as it was: the reference does not say that a reply moves it, so tests must not rely on
   * it.
   */
  public void reply(String reviewId, String comment, Instant at) {
    Review review = review(reviewId);
    review.replyComment = comment;
    review.replyTime = at;
  }

  /** The owner deletes the reply ({@code deleteReply}). */
  public void deleteReply(String reviewId) {
    Review review = review(reviewId);
    review.replyComment = null;
    review.replyTime = null;
  }

  /** The review is gone from the listing (removed by its author or by Google). */
  public void removeReview(String reviewId) {
    if (reviews.remove(reviewId) == null) {
      throw new IllegalArgumentException("no such review: " + reviewId);
    }
  }

  /** Makes the review come back with a {@code createTime} that is not a time. */
  public void corruptReview(String reviewId) {
    review(reviewId).corrupt = true;
  }

  /** Makes a corrupted review come back readable again. */
  public void repairReview(String reviewId) {
    review(reviewId).corrupt = false;
  }

  /** Answers the next request with {@code fault}; several queue up in order. */
  public FakeBusinessProfile failNext(BusinessProfileFault fault) {
    faults.add(fault);
    return this;
  }

  /** Every request so far, in the order answered. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange,
            st ->
                requests.add(
                    new RecordedRequest(System.nanoTime(), path, query, authorization, st)));
    try {
      status = answer(exchange, path, query == null ? "" : query);
    } catch (RuntimeException e) {
      status = send(exchange, 500, error(500, "Internal error encountered.", "INTERNAL"), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String path, String rawQuery) throws IOException {
    BusinessProfileFault fault = faults.poll();
    if (fault instanceof BusinessProfileFault.Slow slow) {
      sleep(slow.delay().toMillis());
    } else if (fault != null) {
      return sendFault(exchange, fault);
    }
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches() || !"GET".equals(exchange.getRequestMethod())) {
      return send(
          exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"), Map.of());
    }
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    if (bearer == null || !bearer.startsWith("Bearer ")) {
      return send(
          exchange,
          401,
          error(
              401,
              "Request is missing required authentication credential. Expected OAuth 2 access"
                  + " token, login cookie or other valid authentication credential.",
              "UNAUTHENTICATED"),
          Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
    }
    Location location =
        locations.get(
            key(
                URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8),
                URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8)));
    if (location == null) {
      return send(
          exchange, 404, error(404, "Requested entity was not found.", "NOT_FOUND"), Map.of());
    }
    if (!bearer.equals("Bearer " + location.token())) {
      return send(
          exchange,
          401,
          error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"),
          Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
    }
    Map<String, String> query = parse(rawQuery);
    String orderBy = query.getOrDefault("orderBy", "updateTime desc");
    Comparator<Review> order;
    switch (orderBy) {
      case "updateTime desc" -> order = Comparator.comparing((Review r) -> r.updateTime).reversed();
      case "rating" -> order = Comparator.comparingInt((Review r) -> r.stars);
      case "rating desc" -> order = Comparator.comparingInt((Review r) -> r.stars).reversed();
      default -> {
        return send(
            exchange,
            400,
            error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"),
            Map.of());
      }
    }
    int pageSize = integer(query.get("pageSize"), 50);
    if (pageSize < 0 || pageSize > 50) {
      return send(
          exchange,
          400,
          error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"),
          Map.of());
    }
    if (pageSize == 0) {
      pageSize = 50;
    }
    int start = 0;
    String token = query.get("pageToken");
    if (token != null) {
      start = offset(token);
      if (start < 0) {
        return send(
            exchange,
            400,
            error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"),
            Map.of());
      }
    }
    String key = key(location.accountId(), location.locationId());
    List<Review> listed =
        reviews.values().stream()
            .filter(r -> r.locationKey.equals(key))
            .sorted(order.thenComparing(r -> r.reviewId))
            .toList();
    List<Review> slice =
        listed.subList(Math.min(start, listed.size()), Math.min(listed.size(), start + pageSize));
    Map<String, Object> body = new LinkedHashMap<>();
    if (!slice.isEmpty()) {
      List<Object> items = new ArrayList<>();
      for (Review review : slice) {
        items.add(reviewJson(location, review));
      }
      body.put("reviews", items);
    }
    if (!listed.isEmpty()) {
      double average = listed.stream().mapToInt(r -> r.stars).average().orElse(0);
      body.put("averageRating", Math.round(average * 10) / 10.0);
      body.put("totalReviewCount", listed.size());
    }
    if (start + pageSize < listed.size()) {
      body.put("nextPageToken", encode(start + pageSize));
    }
    return send(exchange, 200, JsonText.write(body), Map.of());
  }

  private static Map<String, Object> reviewJson(Location location, Review review) {
    Map<String, Object> reviewer = new LinkedHashMap<>();
    if (!review.anonymous) {
      reviewer.put(
          "profilePhotoUrl",
          "https://lh3.googleusercontent.com/a/"
              + Integer.toHexString(review.reviewerName.hashCode()));
    }
    reviewer.put("displayName", review.reviewerName);
    if (review.anonymous) {
      reviewer.put("isAnonymous", true);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "name",
        "accounts/"
            + location.accountId()
            + "/locations/"
            + location.locationId()
            + "/reviews/"
            + review.reviewId);
    json.put("reviewId", review.reviewId);
    json.put("reviewer", reviewer);
    json.put("starRating", STARS.get(review.stars - 1));
    if (review.comment != null) {
      json.put("comment", review.comment);
    }
    json.put("createTime", review.corrupt ? "last Tuesday" : review.createTime.toString());
    json.put("updateTime", review.updateTime.toString());
    String replyComment = review.replyComment;
    Instant replyTime = review.replyTime;
    if (replyComment != null && replyTime != null) {
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("comment", replyComment);
      reply.put("updateTime", replyTime.toString());
      json.put("reviewReply", reply);
    }
    return json;
  }

  private int sendFault(HttpExchange exchange, BusinessProfileFault fault) throws IOException {
    if (fault instanceof BusinessProfileFault.TooManyRequests t) {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
      info.put("reason", "RATE_LIMIT_EXCEEDED");
      info.put("domain", "googleapis.com");
      info.put(
          "metadata",
          Map.of(
              "service", "mybusiness.googleapis.com",
              "quota_metric", "mybusiness.googleapis.com/default_requests",
              "quota_limit", "DefaultRequestsPerMinutePerProject"));
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", 429);
      error.put(
          "message",
          "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service"
              + " 'mybusiness.googleapis.com'.");
      error.put("status", "RESOURCE_EXHAUSTED");
      error.put("details", List.of(info));
      return send(
          exchange,
          429,
          JsonText.write(Map.of("error", error)),
          t.retryAfterSeconds() < 0
              ? Map.of()
              : Map.of("Retry-After", Integer.toString(t.retryAfterSeconds())));
    }
    if (fault instanceof BusinessProfileFault.ServerError s) {
      return send(
          exchange,
          s.status(),
          s.status() == 503
              ? error(503, "The service is currently unavailable.", "UNAVAILABLE")
              : error(s.status(), "Internal error encountered.", "INTERNAL"),
          Map.of());
    }
    if (fault instanceof BusinessProfileFault.ReviewsNotAnArray) {
      return send(
          exchange, 200, "{\"reviews\":{\"reviewId\":\"x\"},\"totalReviewCount\":1}", Map.of());
    }
    return send(exchange, 200, "{\"reviews\": [{\"reviewId\": \"AbFvOq", Map.of());
  }

  private static String error(int code, String message, String status) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("status", status);
    return JsonText.write(Map.of("error", error));
  }

  private static int send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      return status;
    } catch (IOException gone) {
      return -1;
    }
  }

  private Review review(String reviewId) {
    Review review = reviews.get(reviewId);
    if (review == null) {
      throw new IllegalArgumentException("no such review: " + reviewId);
    }
    return review;
  }

  private static void checkStars(int stars) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars are 1–5");
    }
  }

  private static String key(String accountId, String locationId) {
    return "accounts/" + accountId + "/locations/" + locationId;
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return decoded.startsWith("o:") ? Integer.parseInt(decoded.substring(2)) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static Map<String, String> parse(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(key, value);
    }
    return query;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
