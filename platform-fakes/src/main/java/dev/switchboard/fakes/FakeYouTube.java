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

/**
 * A local YouTube Data API v3 for tests: {@code GET /youtube/v3/commentThreads} with {@code
 * part=snippet,replies}, {@code allThreadsRelatedToChannelId}, {@code moderationStatus}, {@code
 * maxResults} (1–100, default 20), {@code pageToken}/{@code nextPageToken}; threads most recently
 * active first; at most {@value #EMBEDDED_REPLIES} replies embedded per thread, as YouTube does.
 * Authentication by API key ({@code X-Goog-Api-Key} or {@code key=}) or the owner's OAuth bearer
 * token, and only the owner's token may list {@code heldForReview}/{@code likelySpam}. Errors as
 * {@code {"error":{"code","message","errors":[{"message","domain","reason"}]}}}. Comments can be
 * added and edited while it runs and {@link YouTubeFault}s scripted for the next requests. Every
 * request is recorded.
 */
public final class FakeYouTube implements AutoCloseable {

  /** How many replies a thread embeds at most; the rest need {@code comments.list}. */
  public static final int EMBEDDED_REPLIES = 5;

  private static final String PATH = "/youtube/v3/commentThreads";
  private static final String COMMENTS_PATH = "/youtube/v3/comments";

  /** One request the fake received; status -1 if the client had gone. */
  public record RecordedRequest(long nanoTime, String path, String query, int status) {}

  private record Channel(String apiKey, String ownerToken) {}

  private static final class Comment {
    final String id;
    final String parentId;
    final String authorId;
    final String authorName;
    final Instant publishedAt;
    volatile String text;
    volatile Instant updatedAt;

    Comment(String id, String parentId, String text, String authorId, String name, Instant at) {
      this.id = id;
      this.parentId = parentId;
      this.text = text;
      this.authorId = authorId;
      this.authorName = name;
      this.publishedAt = at;
      this.updatedAt = at;
    }
  }

  private static final class Thread {
    final String channelId;
    final String videoId;
    final Comment top;
    final List<Comment> replies = new CopyOnWriteArrayList<>();
    volatile String moderationStatus;
    volatile boolean corrupt;

    Thread(String channelId, String videoId, String status, Comment top) {
      this.channelId = channelId;
      this.videoId = videoId;
      this.moderationStatus = status;
      this.top = top;
    }

    Instant lastActivity() {
      Instant last = top.updatedAt;
      for (Comment reply : replies) {
        if (reply.updatedAt.isAfter(last)) {
          last = reply.updatedAt;
        }
      }
      return last;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Map<String, Thread> threads = new ConcurrentHashMap<>();
  private final Map<String, Comment> comments = new ConcurrentHashMap<>();
  private final Deque<YouTubeFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger(1000);

  private FakeYouTube(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeYouTube start() {
    try {
      FakeYouTube fake =
          new FakeYouTube(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake YouTube API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the API base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a channel readable with {@code apiKey} (public) and {@code ownerToken} (everything). */
  public FakeYouTube addChannel(String channelId, String apiKey, String ownerToken) {
    channels.put(channelId, new Channel(apiKey, ownerToken));
    return this;
  }

  /**
   * From now on the channel's owner must send {@code ownerToken}: the previous one has expired (a
   * request with it gets 401), as an hour-old Google access token does.
   */
  public void setOwnerToken(String channelId, String ownerToken) {
    channels.computeIfPresent(channelId, (id, c) -> new Channel(c.apiKey(), ownerToken));
  }

  /**
   * Starts a thread on one of the channel's videos with {@code moderationStatus} ({@code
   * published}, {@code heldForReview}, {@code likelySpam}); returns the thread's (and top-level
   * comment's) id.
   */
  public String addComment(
      String channelId,
      String videoId,
      String moderationStatus,
      String text,
      String authorChannelId,
      String authorName,
      Instant publishedAt) {
    if (!channels.containsKey(channelId)) {
      throw new IllegalArgumentException("no such channel: " + channelId);
    }
    String id = "Ugz" + sequence.incrementAndGet();
    Comment top = new Comment(id, null, text, authorChannelId, authorName, publishedAt);
    comments.put(id, top);
    threads.put(id, new Thread(channelId, videoId, moderationStatus, top));
    return id;
  }

  /** Replies in a thread; returns the reply's id ({@code <thread-id>.<n>}). */
  public String addReply(
      String threadId, String text, String authorChannelId, String authorName, Instant at) {
    Thread thread = thread(threadId);
    String id = threadId + "." + sequence.incrementAndGet();
    Comment reply = new Comment(id, threadId, text, authorChannelId, authorName, at);
    comments.put(id, reply);
    thread.replies.add(reply);
    return id;
  }

  /** Edits a comment's text as of {@code updatedAt}. */
  public void editComment(String commentId, String text, Instant updatedAt) {
    Comment comment = comments.get(commentId);
    if (comment == null) {
      throw new IllegalArgumentException("no such comment: " + commentId);
    }
    comment.text = text;
    comment.updatedAt = updatedAt;
  }

  /** Moves a thread to another moderation status (the owner approved or rejected it). */
  public void moderate(String threadId, String moderationStatus) {
    thread(threadId).moderationStatus = moderationStatus;
  }

  /** Makes the thread come back with a {@code publishedAt} that is not a time. */
  public void corruptThread(String threadId) {
    thread(threadId).corrupt = true;
  }

  /** Answers the next request with {@code fault}; several queue up in order. */
  public FakeYouTube failNext(YouTubeFault fault) {
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
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange, st -> requests.add(new RecordedRequest(System.nanoTime(), path, query, st)));
    try {
      status = answer(exchange, path, query == null ? "" : query);
    } catch (RuntimeException e) {
      status =
          send(
              exchange, 500, error(500, "internal fake error", "global", "backendError"), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String path, String rawQuery) throws IOException {
    YouTubeFault fault = faults.poll();
    if (fault instanceof YouTubeFault.Slow slow) {
      sleep(slow.delay().toMillis());
    } else if (fault != null) {
      return sendFault(exchange, fault);
    }
    if (COMMENTS_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())) {
      return answerReplies(exchange, parse(rawQuery));
    }
    if (!PATH.equals(path) || !"GET".equals(exchange.getRequestMethod())) {
      return send(exchange, 404, error(404, "Not Found", "global", "notFound"), Map.of());
    }
    Map<String, String> query = parse(rawQuery);
    String channelId = query.get("allThreadsRelatedToChannelId");
    if (!"snippet,replies".equals(query.get("part")) && !"snippet".equals(query.get("part"))) {
      return send(
          exchange, 400, error(400, "Required parameter: part", "global", "required"), Map.of());
    }
    Channel channel = channelId == null ? null : channels.get(channelId);
    if (channel == null) {
      return send(
          exchange,
          404,
          error(404, "The channel could not be found.", "youtube.commentThread", "channelNotFound"),
          Map.of());
    }
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    String key = exchange.getRequestHeaders().getFirst("X-Goog-Api-Key");
    if (key == null) {
      key = query.get("key");
    }
    boolean owner = bearer != null && bearer.equals("Bearer " + channel.ownerToken());
    if (bearer != null && !owner) {
      return send(
          exchange,
          401,
          error(401, "Request had invalid authentication credentials.", "global", "authError"),
          Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
    }
    if (!owner && (key == null || !key.equals(channel.apiKey()))) {
      return send(
          exchange,
          400,
          error(400, "API key not valid. Please pass a valid API key.", "global", "badRequest"),
          Map.of());
    }
    String status = query.getOrDefault("moderationStatus", "published");
    if (!List.of("published", "heldForReview", "likelySpam").contains(status)) {
      return send(
          exchange,
          400,
          error(400, "Invalid value for moderationStatus", "youtube.parameter", "invalidValue"),
          Map.of());
    }
    if (!"published".equals(status) && !owner) {
      return send(
          exchange,
          403,
          error(
              403,
              "The request is not properly authorized to retrieve the specified comment threads.",
              "youtube.commentThread",
              "forbidden"),
          Map.of());
    }
    return send(exchange, 200, JsonText.write(page(channelId, status, query)), Map.of());
  }

  /**
   * {@code comments.list} with {@code parentId}: every reply of a thread, oldest first, paged; the
   * same credentials as the thread's listing.
   */
  private int answerReplies(HttpExchange exchange, Map<String, String> query) throws IOException {
    if (!"snippet".equals(query.get("part")) && !"id,snippet".equals(query.get("part"))) {
      return send(
          exchange, 400, error(400, "Required parameter: part", "global", "required"), Map.of());
    }
    String parentId = query.get("parentId");
    Thread thread = parentId == null ? null : threads.get(parentId);
    if (thread == null) {
      return send(
          exchange,
          404,
          error(404, "The comment could not be found.", "youtube.comment", "commentNotFound"),
          Map.of());
    }
    Channel channel = channels.get(thread.channelId);
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    String key = exchange.getRequestHeaders().getFirst("X-Goog-Api-Key");
    boolean owner = bearer != null && bearer.equals("Bearer " + channel.ownerToken());
    if (bearer != null && !owner) {
      return send(
          exchange,
          401,
          error(401, "Request had invalid authentication credentials.", "global", "authError"),
          Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
    }
    if (!owner
        && (key == null
            || !key.equals(channel.apiKey())
            || !"published".equals(thread.moderationStatus))) {
      return send(
          exchange,
          403,
          error(403, "The comment could not be read.", "youtube.comment", "forbidden"),
          Map.of());
    }
    int max = Math.min(100, Math.max(1, integer(query.get("maxResults"), 20)));
    List<Comment> all = List.copyOf(thread.replies);
    int start = 0;
    String token = query.get("pageToken");
    if (token != null) {
      start = integer(decode(token), all.size());
    }
    List<Comment> slice =
        all.subList(Math.min(start, all.size()), Math.min(all.size(), start + max));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "youtube#commentListResponse");
    body.put("etag", "etag-r" + all.size());
    if (start + max < all.size()) {
      body.put("nextPageToken", encode(Integer.toString(start + max)));
    }
    body.put("pageInfo", Map.of("totalResults", all.size(), "resultsPerPage", max));
    List<Object> items = new ArrayList<>();
    for (Comment reply : slice) {
      items.add(commentJson(thread, reply));
    }
    body.put("items", items);
    return send(exchange, 200, JsonText.write(body), Map.of());
  }

  private Map<String, Object> page(String channelId, String status, Map<String, String> query) {
    List<Thread> visible =
        threads.values().stream()
            .filter(t -> t.channelId.equals(channelId) && t.moderationStatus.equals(status))
            .sorted(
                Comparator.comparing(Thread::lastActivity).reversed().thenComparing(t -> t.top.id))
            .toList();
    int max = Math.min(100, Math.max(1, integer(query.get("maxResults"), 20)));
    int start = 0;
    String token = query.get("pageToken");
    if (token != null) {
      start = visible.size();
      String after = decode(token);
      for (int i = 0; i < visible.size(); i++) {
        if (visible.get(i).top.id.equals(after)) {
          start = i + 1;
          break;
        }
      }
    }
    List<Thread> slice =
        visible.subList(Math.min(start, visible.size()), Math.min(visible.size(), start + max));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "youtube#commentThreadListResponse");
    body.put("etag", "etag-" + visible.size());
    if (start + max < visible.size() && !slice.isEmpty()) {
      body.put("nextPageToken", encode(slice.get(slice.size() - 1).top.id));
    }
    body.put("pageInfo", Map.of("totalResults", visible.size(), "resultsPerPage", max));
    List<Object> items = new ArrayList<>();
    boolean withReplies = "snippet,replies".equals(query.get("part"));
    for (Thread thread : slice) {
      items.add(threadJson(thread, withReplies));
    }
    body.put("items", items);
    return body;
  }

  private Map<String, Object> threadJson(Thread thread, boolean withReplies) {
    Map<String, Object> snippet = new LinkedHashMap<>();
    snippet.put("channelId", thread.channelId);
    snippet.put("videoId", thread.videoId);
    snippet.put("topLevelComment", commentJson(thread, thread.top));
    snippet.put("canReply", true);
    snippet.put("totalReplyCount", thread.replies.size());
    snippet.put("isPublic", true);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", "youtube#commentThread");
    json.put("etag", "e" + thread.top.id);
    json.put("id", thread.top.id);
    json.put("snippet", snippet);
    if (withReplies && !thread.replies.isEmpty()) {
      List<Object> replies = new ArrayList<>();
      // The most recent few, as YouTube embeds them.
      List<Comment> all = thread.replies;
      for (Comment reply : all.subList(Math.max(0, all.size() - EMBEDDED_REPLIES), all.size())) {
        replies.add(commentJson(thread, reply));
      }
      json.put("replies", Map.of("comments", replies));
    }
    return json;
  }

  private Map<String, Object> commentJson(Thread thread, Comment comment) {
    Map<String, Object> snippet = new LinkedHashMap<>();
    snippet.put("channelId", thread.channelId);
    snippet.put("videoId", thread.videoId);
    snippet.put("textDisplay", comment.text);
    snippet.put("textOriginal", comment.text);
    if (comment.parentId != null) {
      snippet.put("parentId", comment.parentId);
    }
    snippet.put("authorDisplayName", comment.authorName);
    snippet.put("authorProfileImageUrl", "https://yt3.ggpht.com/" + comment.authorId);
    snippet.put("authorChannelUrl", "http://www.youtube.com/channel/" + comment.authorId);
    snippet.put("authorChannelId", Map.of("value", comment.authorId));
    snippet.put("canRate", true);
    snippet.put("viewerRating", "none");
    snippet.put("likeCount", 0);
    snippet.put("moderationStatus", thread.moderationStatus);
    boolean corrupt = thread.corrupt && comment == thread.top;
    snippet.put("publishedAt", corrupt ? "yesterday-ish" : comment.publishedAt.toString());
    snippet.put("updatedAt", comment.updatedAt.toString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", "youtube#comment");
    json.put("etag", "c" + comment.id);
    json.put("id", comment.id);
    json.put("snippet", snippet);
    return json;
  }

  private int sendFault(HttpExchange exchange, YouTubeFault fault) throws IOException {
    if (fault instanceof YouTubeFault.QuotaExceeded) {
      return send(
          exchange,
          403,
          error(
              403,
              "The request cannot be completed because you have exceeded your quota.",
              "youtube.quota",
              "quotaExceeded"),
          Map.of());
    }
    if (fault instanceof YouTubeFault.RateLimitExceeded) {
      return send(
          exchange,
          403,
          error(403, "Rate Limit Exceeded", "usageLimits", "rateLimitExceeded"),
          Map.of());
    }
    if (fault instanceof YouTubeFault.TooManyRequests t) {
      return send(
          exchange,
          429,
          error(429, "Too Many Requests", "global", "rateLimitExceeded"),
          Map.of("Retry-After", Integer.toString(t.retryAfterSeconds())));
    }
    if (fault instanceof YouTubeFault.ServerError s) {
      return send(
          exchange,
          s.status(),
          error(s.status(), "Backend Error", "global", "backendError"),
          Map.of());
    }
    return send(exchange, 200, "{\"kind\": \"youtube#commentThr", Map.of());
  }

  private static String error(int code, String message, String domain, String reason) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("message", message);
    detail.put("domain", domain);
    detail.put("reason", reason);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("errors", List.of(detail));
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

  private Thread thread(String threadId) {
    Thread thread = threads.get(threadId);
    if (thread == null) {
      throw new IllegalArgumentException("no such thread: " + threadId);
    }
    return thread;
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
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
      java.lang.Thread.sleep(millis);
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
    }
  }
}
