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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Care Opinion API v2 for tests: {@code GET /api/v2/opinions} with {@code nacs} (ODS/NACS
 * code, repeatable, case-insensitive), {@code publishedafter}, {@code skip}/{@code take} (take
 * 1–100, default 10), oldest publication first; {@code GET /api/v2/opinions/{id}} (404 when
 * withdrawn); {@code GET /api/v2/opinions/{id}/responses}. Lists are bare JSON arrays; times are
 * UTC without an offset, as Care Opinion writes them. Authentication by {@code Authorization:
 * SUBSCRIPTION_KEY <key>}; a wrong or missing key is redirected (302) to the login page, as the
 * documentation warns. Stories and responses can be added, edited, moved on and withdrawn while it
 * runs; {@link CareOpinionFault}s are scripted for the next requests; optionally the 5 requests per
 * second limit is enforced with 429s. Every request is recorded before its answer completes.
 */
public final class FakeCareOpinion implements AutoCloseable {

  private static final String OPINIONS = "/api/v2/opinions";

  /**
   * One request the fake received; status -1 if the client had gone.
   *
   * @param authorized whether it carried the right key (the key itself is not kept)
   */
  public record RecordedRequest(
      long nanoTime, String path, String query, int status, boolean authorized) {}

  private static final class Story {
    final String id;
    final String odsCode;
    final String authorRole;
    final Instant submittedAt;
    final Instant publishedAt;
    final List<Response> responses = new CopyOnWriteArrayList<>();
    volatile String title;
    volatile String body;
    volatile String criticality;
    volatile String progress;
    volatile boolean withdrawn;
    volatile boolean corrupt;

    Story(
        String id,
        String odsCode,
        String title,
        String body,
        String authorRole,
        String criticality,
        Instant publishedAt) {
      this.id = id;
      this.odsCode = odsCode;
      this.title = title;
      this.body = body;
      this.authorRole = authorRole;
      this.criticality = criticality;
      this.progress = "not yet read";
      this.submittedAt = publishedAt.minus(1, ChronoUnit.DAYS);
      this.publishedAt = publishedAt;
    }
  }

  private record Response(
      String id,
      String body,
      String responderName,
      String responderRole,
      String organisation,
      Instant publishedAt) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Story> stories = new ConcurrentHashMap<>();
  private final Deque<CareOpinionFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<Long> recentStarts = new ConcurrentLinkedDeque<>();
  private final AtomicInteger sequence = new AtomicInteger(1_000_000);
  private volatile String key = "";
  private volatile int enforcedPerSecond;

  private FakeCareOpinion(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeCareOpinion start() {
    try {
      FakeCareOpinion fake =
          new FakeCareOpinion(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake Care Opinion API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the API base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The subscription's HTTP header key; requests must carry it. */
  public FakeCareOpinion withKey(String subscriptionKey) {
    this.key = subscriptionKey;
    return this;
  }

  /** Answers 429 ({@code Retry-After: 1}) to a request that is over {@code perSecond} a second. */
  public FakeCareOpinion enforceRateLimit(int perSecond) {
    this.enforcedPerSecond = perSecond;
    return this;
  }

  /** Publishes a story about service {@code odsCode}; returns its id (a number, as text). */
  public String addStory(
      String odsCode,
      String title,
      String body,
      String authorRole,
      String criticality,
      Instant publishedAt) {
    String id = Integer.toString(sequence.incrementAndGet());
    stories.put(id, new Story(id, odsCode, title, body, authorRole, criticality, publishedAt));
    return id;
  }

  /** Changes a story's title and text (Care Opinion edits a story on its author's request). */
  public void editStory(String id, String title, String body) {
    Story story = story(id);
    story.title = title;
    story.body = body;
  }

  /** Moves a story's {@code progress} on (read, responded, change planned...). */
  public void setProgress(String id, String progress) {
    story(id).progress = progress;
  }

  /** Withdraws a story: no longer listed, and 404 on its own. */
  public void withdraw(String id) {
    story(id).withdrawn = true;
  }

  /** Makes the story come back with a {@code dateOfPublication} that is not a time. */
  public void corruptStory(String id) {
    story(id).corrupt = true;
  }

  /** Publishes a response on a story; returns the response's id. */
  public String addResponse(
      String opinionId,
      String body,
      String responderName,
      String responderRole,
      String organisation,
      Instant publishedAt) {
    String id = Integer.toString(sequence.incrementAndGet());
    story(opinionId)
        .responses
        .add(new Response(id, body, responderName, responderRole, organisation, publishedAt));
    return id;
  }

  /** Answers the next request with {@code fault}; several queue up in order. */
  public FakeCareOpinion failNext(CareOpinionFault fault) {
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
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    boolean authorized =
        ("SUBSCRIPTION_KEY " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange,
            st ->
                requests.add(new RecordedRequest(System.nanoTime(), path, query, st, authorized)));
    try {
      status = answer(exchange, path, query == null ? "" : query, authorized, recording);
    } catch (RuntimeException e) {
      status = send(exchange, 500, message("An error has occurred."), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(
      HttpExchange exchange,
      String path,
      String rawQuery,
      boolean authorized,
      ExchangeRecording recording)
      throws IOException {
    if (overLimit()) {
      return send(exchange, 429, message("Too many requests"), Map.of("Retry-After", "1"));
    }
    CareOpinionFault fault = faults.poll();
    if (fault instanceof CareOpinionFault.Slow slow) {
      sleep(slow.delay().toMillis());
    } else if (fault != null) {
      return sendFault(exchange, fault);
    }
    if (!authorized) {
      // As ASP.NET redirects, with a small HTML body. A client that does not follow redirects
      // may not wait for the body, so the request is recorded before the answer starts.
      recording.recordIfNot(302);
      String login = "/account/login?ReturnUrl=" + path;
      return send(
          exchange,
          302,
          "<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\""
              + login
              + "\">here</a>.</h2></body></html>",
          Map.of("Location", login, "Content-Type", "text/html; charset=utf-8"));
    }
    if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith(OPINIONS)) {
      return send(exchange, 404, message("No HTTP resource was found."), Map.of());
    }
    String rest = path.substring(OPINIONS.length());
    if (rest.isEmpty() || rest.equals("/")) {
      return send(exchange, 200, JsonText.write(list(rawQuery)), Map.of());
    }
    String[] parts = rest.substring(1).split("/");
    Story story = stories.get(parts[0]);
    if (story == null || story.withdrawn) {
      return send(exchange, 404, message("Opinion not found"), Map.of());
    }
    if (parts.length == 1) {
      return send(exchange, 200, JsonText.write(storyJson(story)), Map.of());
    }
    if (parts.length == 2 && parts[1].equals("responses")) {
      List<Object> out = new ArrayList<>();
      story.responses.stream()
          .sorted(Comparator.comparing(Response::publishedAt).thenComparing(Response::id))
          .forEach(r -> out.add(responseJson(story, r)));
      return send(exchange, 200, JsonText.write(out), Map.of());
    }
    return send(exchange, 404, message("No HTTP resource was found."), Map.of());
  }

  private synchronized boolean overLimit() {
    int limit = enforcedPerSecond;
    if (limit <= 0) {
      return false;
    }
    long now = System.nanoTime();
    while (!recentStarts.isEmpty() && now - recentStarts.peekFirst() >= 1_000_000_000L) {
      recentStarts.pollFirst();
    }
    if (recentStarts.size() >= limit) {
      return true;
    }
    recentStarts.addLast(now);
    return false;
  }

  private List<Object> list(String rawQuery) {
    Map<String, List<String>> query = parse(rawQuery);
    List<String> codes =
        query.getOrDefault("nacs", List.of()).stream()
            .map(c -> c.toUpperCase(Locale.ROOT))
            .toList();
    Instant after = since(first(query, "publishedafter"));
    int skip = Math.max(0, integer(first(query, "skip"), 0));
    int take = Math.min(100, Math.max(1, integer(first(query, "take"), 10)));
    List<Story> visible =
        stories.values().stream()
            .filter(s -> !s.withdrawn)
            .filter(s -> codes.isEmpty() || codes.contains(s.odsCode.toUpperCase(Locale.ROOT)))
            .filter(s -> after == null || s.publishedAt.isAfter(after))
            .sorted(
                Comparator.comparing((Story s) -> s.publishedAt)
                    .thenComparing(s -> Long.parseLong(s.id)))
            .toList();
    List<Object> out = new ArrayList<>();
    for (Story story :
        visible.subList(Math.min(skip, visible.size()), Math.min(visible.size(), skip + take))) {
      out.add(storyJson(story));
    }
    return out;
  }

  private Map<String, Object> storyJson(Story story) {
    String base = baseUrl() + OPINIONS + "/" + story.id;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", Long.parseLong(story.id));
    json.put("title", story.title);
    json.put("body", story.body);
    json.put("dateOfSubmission", utc(story.submittedAt));
    json.put("dateOfPublication", story.corrupt ? "sometime last week" : utc(story.publishedAt));
    json.put("criticality", story.criticality);
    json.put("progress", story.progress);
    json.put("authorRole", story.authorRole);
    json.put("authorAgeGroup", null);
    json.put("submissionRoute", "web");
    json.put(
        "links",
        List.of(
            link("healthservices", story.odsCode, base + "/healthservices"),
            link("tags", story.id, base + "/tags"),
            link("responses", story.id, base + "/responses")));
    return json;
  }

  private Map<String, Object> responseJson(Story story, Response response) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", Long.parseLong(response.id()));
    json.put("body", response.body());
    json.put("dateOfPublication", utc(response.publishedAt()));
    json.put("responderName", response.responderName());
    json.put("responderRole", response.responderRole());
    json.put("responderOrganisation", response.organisation());
    json.put("changeScore", "no change planned");
    json.put("changeInt", 0);
    json.put("links", List.of(link("opinion", story.id, baseUrl() + OPINIONS + "/" + story.id)));
    return json;
  }

  private static Map<String, Object> link(String relation, String id, String href) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("relation", relation);
    link.put("id", id);
    link.put("link", href);
    return link;
  }

  private int sendFault(HttpExchange exchange, CareOpinionFault fault) throws IOException {
    if (fault instanceof CareOpinionFault.TooManyRequests t) {
      return send(
          exchange,
          429,
          message("Too many requests"),
          Map.of("Retry-After", Integer.toString(t.retryAfterSeconds())));
    }
    if (fault instanceof CareOpinionFault.ServerError s) {
      return send(exchange, s.status(), message("An error has occurred."), Map.of());
    }
    if (fault instanceof CareOpinionFault.NotAList) {
      return send(exchange, 200, "{\"message\":\"not a list\"}", Map.of());
    }
    return send(exchange, 200, "[{\"id\": 12, \"title\": \"Lov", Map.of());
  }

  private static String message(String text) {
    return JsonText.write(Map.of("message", text));
  }

  private static int send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
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

  private Story story(String id) {
    Story story = stories.get(id);
    if (story == null) {
      throw new IllegalArgumentException("no such story: " + id);
    }
    return story;
  }

  private static String utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** {@code publishedafter} as Care Opinion reads it: a date, or a date-time (UTC if no offset). */
  private static Instant since(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e1) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
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
