package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Facebook Graph API for tests, following the documented shapes: {@code GET
 * /{version}/{page-id}/feed} (and {@code /posts}), {@code GET /{version}/{post-id}/comments} and
 * {@code GET /{version}/{page-id}/conversations} (the newest {@value #NESTED_MESSAGES} messages
 * nested, paged) and {@code GET /{version}/{conversation-id}/messages} with {@code data}, {@code
 * paging.cursors.before/after}, {@code paging.next}, {@code limit}, {@code since}/{@code until};
 * times as Graph writes them ({@code 2026-11-25T09:58:00+0000}); access tokens checked; errors as
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}; {@code X-App-Usage} on
 * every answer. Posts, comments and messages can be added, edited and deleted while it runs, and
 * {@link GraphFault}s scripted for the next requests. Every request is recorded.
 */
public final class FakeFacebookGraph implements AutoCloseable {

  private static final Pattern PATH =
      Pattern.compile(
          "/(v\\d+\\.\\d+)/([^/]+)(?:/(feed|posts|comments|conversations|messages))?/?");
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;

  /** How many of a conversation's messages Graph nests in a conversations listing. */
  public static final int NESTED_MESSAGES = 25;

  /** One request the fake received, recorded once answered; status -1 if the client had gone. */
  public record RecordedRequest(long nanoTime, String path, String query, int status) {}

  private record Author(String id, String name) {}

  private static final class Post {
    final String id;
    final String pageId;
    final Instant createdTime;
    volatile String message;
    volatile Instant updatedTime;
    volatile boolean deleted;
    volatile boolean corrupt;
    final List<Comment> comments = new CopyOnWriteArrayList<>();
    final Author from;

    Post(String id, String pageId, String message, Author from, Instant createdTime) {
      this.id = id;
      this.pageId = pageId;
      this.message = message;
      this.from = from;
      this.createdTime = createdTime;
      this.updatedTime = createdTime;
    }
  }

  private static final class Comment {
    final String id;
    final String postId;
    final String parentId;
    final Author from;
    final Instant createdTime;
    volatile String message;
    volatile boolean deleted;

    Comment(
        String id, String postId, String parentId, String message, Author from, Instant created) {
      this.id = id;
      this.postId = postId;
      this.parentId = parentId;
      this.message = message;
      this.from = from;
      this.createdTime = created;
    }
  }

  private record Message(String id, String message, Author from, Instant createdTime) {}

  private static final class Conversation {
    final String id;
    final String pageId;
    final List<Message> messages = new CopyOnWriteArrayList<>();

    Conversation(String id, String pageId) {
      this.id = id;
      this.pageId = pageId;
    }

    Instant updatedTime() {
      return messages.stream()
          .map(Message::createdTime)
          .max(Comparator.naturalOrder())
          .orElse(Instant.EPOCH);
    }
  }

  private record ScheduledFault(GraphFault fault, Predicate<String> paths) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, String> pageTokens = new ConcurrentHashMap<>();
  private final Map<String, Post> posts = new ConcurrentHashMap<>();
  private final Map<String, Comment> comments = new ConcurrentHashMap<>();
  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final Deque<ScheduledFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger(1000);
  private volatile int usagePercent;

  private FakeFacebookGraph(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeFacebookGraph start() {
    try {
      FakeFacebookGraph fake =
          new FakeFacebookGraph(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake Graph API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the Graph base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- content ----

  /** Adds a Page reachable with {@code pageToken}. */
  public FakeFacebookGraph addPage(String pageId, String pageToken) {
    pageTokens.put(pageId, pageToken);
    return this;
  }

  /** Publishes a post on the Page; returns its id ({@code <page-id>_<n>}). */
  public String addPost(
      String pageId, String message, String authorId, String authorName, Instant createdTime) {
    requirePage(pageId);
    String id = pageId + "_" + sequence.incrementAndGet();
    posts.put(id, new Post(id, pageId, message, new Author(authorId, authorName), createdTime));
    return id;
  }

  /** Edits a post's message, as of {@code updatedTime}. */
  public void editPost(String postId, String message, Instant updatedTime) {
    Post post = post(postId);
    post.message = message;
    post.updatedTime = updatedTime;
  }

  /** Deletes a post: it disappears from every edge. */
  public void deletePost(String postId) {
    post(postId).deleted = true;
  }

  /** Makes the post come back with a {@code created_time} that is not a time, as a broken item. */
  public void corruptPost(String postId) {
    post(postId).corrupt = true;
  }

  /**
   * Adds a comment on a post, or a reply to a comment when {@code parentCommentId} is not null;
   * returns its id ({@code <post-number>_<n>}).
   */
  public String addComment(
      String postId,
      String parentCommentId,
      String message,
      String authorId,
      String authorName,
      Instant createdTime) {
    Post post = post(postId);
    String id = postId.substring(postId.indexOf('_') + 1) + "_" + sequence.incrementAndGet();
    Comment comment =
        new Comment(
            id, postId, parentCommentId, message, new Author(authorId, authorName), createdTime);
    comments.put(id, comment);
    post.comments.add(comment);
    return id;
  }

  /** Edits a comment's message. */
  public void editComment(String commentId, String message) {
    comment(commentId).message = message;
  }

  /** Deletes a comment. */
  public void deleteComment(String commentId) {
    comment(commentId).deleted = true;
  }

  /** Adds a Messenger message to the conversation (created if new); returns the message id. */
  public String addMessage(
      String pageId,
      String conversationId,
      String message,
      String authorId,
      String authorName,
      Instant createdTime) {
    requirePage(pageId);
    Conversation conversation =
        conversations.computeIfAbsent(conversationId, id -> new Conversation(id, pageId));
    String id = "m_" + sequence.incrementAndGet();
    conversation.messages.add(
        new Message(id, message, new Author(authorId, authorName), createdTime));
    return id;
  }

  // ---- faults and observation ----

  /** The next request (any path) is answered with {@code fault}. */
  public FakeFacebookGraph failNext(GraphFault fault) {
    return failNext(1, fault);
  }

  /** The next {@code times} requests (any path) are answered with {@code fault}. */
  public FakeFacebookGraph failNext(int times, GraphFault fault) {
    for (int i = 0; i < times; i++) {
      faults.add(new ScheduledFault(fault, path -> true));
    }
    return this;
  }

  /** The next request whose path contains {@code pathPart} is answered with {@code fault}. */
  public FakeFacebookGraph failNextMatching(String pathPart, GraphFault fault) {
    faults.add(new ScheduledFault(fault, path -> path.contains(pathPart)));
    return this;
  }

  /** What {@code X-App-Usage} reports from now on (percent of the app's limit used). */
  public void setUsagePercent(int percent) {
    this.usagePercent = percent;
  }

  /** Every request received so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Scripted faults not yet used. */
  public int pendingFaults() {
    return faults.size();
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
    // -1 when no answer could be written: the client gave up (a timeout) before it came.
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange, st -> requests.add(new RecordedRequest(System.nanoTime(), path, query, st)));
    try {
      status = answer(exchange, path, query == null ? "" : query);
    } catch (RuntimeException e) {
      status = send(exchange, 500, error("internal fake error", "FakeError", 1, null), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String path, String rawQuery) throws IOException {
    ScheduledFault fault = nextFault(path);
    if (fault != null) {
      if (fault.fault() instanceof GraphFault.Slow slow) {
        sleep(slow.delay().toMillis());
      } else {
        return sendFault(exchange, fault.fault());
      }
    }
    if (!"GET".equals(exchange.getRequestMethod())) {
      return send(
          exchange, 400, error("Unsupported method", "GraphMethodException", 100, null), Map.of());
    }
    Map<String, String> query = parse(rawQuery);
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return send(
          exchange,
          400,
          error("Unknown path components: " + path, "OAuthException", 2500, null),
          Map.of());
    }
    String version = matcher.group(1);
    String objectId = matcher.group(2);
    String edge = matcher.group(3);
    String token = token(exchange, query);
    if (token == null) {
      return send(
          exchange,
          400,
          error(
              "An access token is required to request this resource.", "OAuthException", 104, null),
          Map.of());
    }
    String pageId = pageOf(objectId, edge);
    if (pageId == null) {
      return send(
          exchange,
          400,
          error(
              "Unsupported get request. Object with ID '"
                  + objectId
                  + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
              "GraphMethodException",
              100,
              33),
          Map.of());
    }
    if (!token.equals(pageTokens.get(pageId))) {
      return send(
          exchange,
          400,
          error(
              "Invalid OAuth access token - Cannot parse access token",
              "OAuthException",
              190,
              null),
          Map.of());
    }
    String base = baseUrl() + "/" + version + "/" + objectId + "/" + edge;
    Object body =
        switch (edge) {
          case "feed", "posts" -> feed(objectId, query, base);
          case "comments" -> comments(objectId, query, base);
          case "messages" -> messages(objectId, query, base);
          default -> conversations(objectId, query, base);
        };
    return send(exchange, 200, JsonText.write(body), usageHeaders());
  }

  private Map<String, Object> feed(String pageId, Map<String, String> query, String base) {
    Long since = time(query.get("since"));
    Long until = time(query.get("until"));
    List<Post> visible =
        posts.values().stream()
            .filter(p -> p.pageId.equals(pageId) && !p.deleted)
            .filter(p -> since == null || p.createdTime.getEpochSecond() >= since)
            .filter(p -> until == null || p.createdTime.getEpochSecond() <= until)
            // Graph's feed is newest first.
            .sorted(
                Comparator.comparing((Post p) -> p.createdTime).reversed().thenComparing(p -> p.id))
            .toList();
    return page(visible, p -> p.id, this::postJson, query, base);
  }

  private Map<String, Object> comments(String postId, Map<String, String> query, String base) {
    boolean stream = "stream".equals(query.get("filter"));
    List<Comment> visible =
        posts.get(postId).comments.stream()
            .filter(c -> !c.deleted && (stream || c.parentId == null))
            // Comments come oldest first (chronological), Graph's default order.
            .sorted(Comparator.comparing((Comment c) -> c.createdTime).thenComparing(c -> c.id))
            .toList();
    return page(visible, c -> c.id, this::commentJson, query, base);
  }

  private Map<String, Object> conversations(String pageId, Map<String, String> query, String base) {
    List<Conversation> visible =
        conversations.values().stream()
            .filter(c -> c.pageId.equals(pageId))
            .sorted(
                Comparator.comparing(Conversation::updatedTime).reversed().thenComparing(c -> c.id))
            .toList();
    return page(visible, c -> c.id, this::conversationJson, query, base);
  }

  private <T> Map<String, Object> page(
      List<T> items,
      java.util.function.Function<T, String> idOf,
      java.util.function.Function<T, Map<String, Object>> json,
      Map<String, String> query,
      String base) {
    int limit = Math.min(MAX_LIMIT, Math.max(1, integer(query.get("limit"), DEFAULT_LIMIT)));
    int start = 0;
    String after = query.get("after");
    if (after != null) {
      String afterId = decodeCursor(after);
      start = items.size();
      for (int i = 0; i < items.size(); i++) {
        if (idOf.apply(items.get(i)).equals(afterId)) {
          start = i + 1;
          break;
        }
      }
    }
    List<T> slice =
        items.subList(Math.min(start, items.size()), Math.min(items.size(), start + limit));
    Map<String, Object> body = new LinkedHashMap<>();
    List<Object> data = new ArrayList<>();
    for (T item : slice) {
      data.add(json.apply(item));
    }
    body.put("data", data);
    if (!slice.isEmpty()) {
      Map<String, Object> cursors = new LinkedHashMap<>();
      cursors.put("before", encodeCursor(idOf.apply(slice.get(0))));
      cursors.put("after", encodeCursor(idOf.apply(slice.get(slice.size() - 1))));
      Map<String, Object> paging = new LinkedHashMap<>();
      paging.put("cursors", cursors);
      if (start + limit < items.size()) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("after", (String) cursors.get("after"));
        paging.put("next", base + "?" + encode(next));
      }
      body.put("paging", paging);
    }
    return body;
  }

  private Map<String, Object> postJson(Post post) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", post.id);
    json.put("message", post.message);
    json.put("created_time", post.corrupt ? "yesterday-ish" : GRAPH_TIME.format(post.createdTime));
    json.put("updated_time", GRAPH_TIME.format(post.updatedTime));
    json.put("from", Map.of("name", post.from.name(), "id", post.from.id()));
    json.put(
        "permalink_url",
        "https://www.facebook.com/"
            + post.pageId
            + "/posts/"
            + post.id.substring(post.id.indexOf('_') + 1));
    return json;
  }

  private Map<String, Object> commentJson(Comment comment) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", comment.id);
    json.put("message", comment.message);
    json.put("created_time", GRAPH_TIME.format(comment.createdTime));
    json.put("from", Map.of("name", comment.from.name(), "id", comment.from.id()));
    if (comment.parentId != null) {
      json.put("parent", Map.of("id", comment.parentId));
    }
    json.put(
        "permalink_url",
        "https://www.facebook.com/"
            + comment.postId.replace('_', '/')
            + "?comment_id="
            + comment.id);
    return json;
  }

  private Map<String, Object> conversationJson(Conversation conversation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", conversation.id);
    json.put("updated_time", GRAPH_TIME.format(conversation.updatedTime()));
    // The newest few messages, paged as the conversation's own messages edge is.
    String base = baseUrl() + "/v21.0/" + conversation.id + "/messages";
    json.put(
        "messages",
        page(
            newestFirst(conversation),
            Message::id,
            FakeFacebookGraph::messageJson,
            Map.of("limit", Integer.toString(NESTED_MESSAGES)),
            base));
    return json;
  }

  private Map<String, Object> messages(
      String conversationId, Map<String, String> query, String base) {
    return page(
        newestFirst(conversations.get(conversationId)),
        Message::id,
        FakeFacebookGraph::messageJson,
        query,
        base);
  }

  // Graph lists a conversation's messages newest first.
  private static List<Message> newestFirst(Conversation conversation) {
    return conversation.messages.stream()
        .sorted(Comparator.comparing(Message::createdTime).reversed().thenComparing(Message::id))
        .toList();
  }

  private static Map<String, Object> messageJson(Message m) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", m.id());
    message.put("message", m.message());
    message.put("created_time", GRAPH_TIME.format(m.createdTime()));
    message.put("from", Map.of("name", m.from().name(), "id", m.from().id()));
    return message;
  }

  private int sendFault(HttpExchange exchange, GraphFault fault) throws IOException {
    if (fault instanceof GraphFault.GraphRateLimit limit) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(
          "X-Business-Use-Case-Usage",
          "{\"0\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":100,"
              + "\"total_time\":100,\"estimated_time_to_regain_access\":"
              + limit.regainMinutes()
              + "}]}");
      headers.put("X-App-Usage", "{\"call_count\":100,\"total_cputime\":100,\"total_time\":100}");
      // Graph throttles with 400 for app and user limits, 403 for Page and business limits.
      int status = limit.code() == 32 || limit.code() >= 80000 ? 403 : 400;
      return send(
          exchange,
          status,
          error(rateLimitMessage(limit.code()), "OAuthException", limit.code(), null),
          headers);
    }
    if (fault instanceof GraphFault.TooManyRequests tooMany) {
      return send(
          exchange,
          429,
          error("Too many requests", "OAuthException", 4, null),
          Map.of("Retry-After", Integer.toString(tooMany.retryAfterSeconds())));
    }
    if (fault instanceof GraphFault.ServerError server) {
      return send(
          exchange,
          server.status(),
          error("Service temporarily unavailable", "OAuthException", 2, null),
          Map.of());
    }
    return send(
        exchange, 200, "{\"data\": [{\"id\": \"1_2\", \"message\": \"unterminated", usageHeaders());
  }

  private static String rateLimitMessage(int code) {
    return switch (code) {
      case 4 -> "(#4) Application request limit reached";
      case 17 -> "(#17) User request limit reached";
      case 32 -> "(#32) Page request limit reached";
      case 613 -> "(#613) Calls to this api have exceeded the rate limit.";
      default -> "(#" + code + ") There have been too many calls to this Page account.";
    };
  }

  private Map<String, String> usageHeaders() {
    int used = usagePercent;
    return Map.of(
        "X-App-Usage",
        "{\"call_count\":"
            + used
            + ",\"total_cputime\":"
            + used / 2
            + ",\"total_time\":"
            + used / 2
            + "}");
  }

  private static String error(String message, String type, int code, Integer subcode) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    error.put("fbtrace_id", "Fake" + Long.toHexString(System.nanoTime()));
    return JsonText.write(Map.of("error", error));
  }

  private static int send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private ScheduledFault nextFault(String path) {
    synchronized (faults) {
      for (ScheduledFault fault : faults) {
        if (fault.paths().test(path)) {
          faults.remove(fault);
          return fault;
        }
      }
      return null;
    }
  }

  private String pageOf(String objectId, String edge) {
    if (edge == null) {
      return null;
    }
    if (edge.equals("comments")) {
      Post post = posts.get(objectId);
      return post == null || post.deleted ? null : post.pageId;
    }
    if (edge.equals("messages")) {
      Conversation conversation = conversations.get(objectId);
      return conversation == null ? null : conversation.pageId;
    }
    return pageTokens.containsKey(objectId) ? objectId : null;
  }

  private static String token(HttpExchange exchange, Map<String, String> query) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return header.substring("Bearer ".length()).strip();
    }
    return query.get("access_token");
  }

  private void requirePage(String pageId) {
    if (!pageTokens.containsKey(pageId)) {
      throw new IllegalArgumentException("no such page: " + pageId);
    }
  }

  private Post post(String postId) {
    Post post = posts.get(postId);
    if (post == null) {
      throw new IllegalArgumentException("no such post: " + postId);
    }
    return post;
  }

  private Comment comment(String commentId) {
    Comment comment = comments.get(commentId);
    if (comment == null) {
      throw new IllegalArgumentException("no such comment: " + commentId);
    }
    return comment;
  }

  private static Long time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return OffsetDateTime.parse(value.strip()).toEpochSecond();
    }
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String encodeCursor(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static Map<String, String> parse(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (seen.add(key)) {
        query.put(key, value);
      }
    }
    return query;
  }

  private static String encode(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
