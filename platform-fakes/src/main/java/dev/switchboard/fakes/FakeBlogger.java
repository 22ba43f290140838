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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Blogger API v3 for tests: {@code GET /blogger/v3/blogs/{blogId}/comments} ({@code
 * comments.listByBlog}) with {@code startDate} (inclusive), repeated {@code status} (default {@code
 * live}; others need the blog's OAuth token), {@code maxResults}, {@code pageToken} and {@code
 * nextPageToken}, newest first; comment JSON as documented ({@code kind}, {@code id}, {@code
 * post.id}, {@code blog.id}, {@code published}, {@code updated}, {@code content}, {@code author},
 * {@code inReplyTo.id}, {@code status}); errors as {@code
 * {"error":{"code","message","errors":[{"domain","reason","message"}]}}}. Credentials: {@code
 * Authorization: Bearer} or an API key ({@code X-goog-api-key} or {@code key=}). Comments can be
 * added, emptied and moved between statuses while it runs; {@link BloggerFault}s are scripted per
 * blog. Every request is recorded.
 */
public final class FakeBlogger implements AutoCloseable {

  private static final Pattern PATH = Pattern.compile("/blogger/v3/blogs/([^/]+)/comments/?");
  private static final int DEFAULT_MAX = 20;

  /** One request: blog, query, the credential header used (or null), status sent. */
  public record RecordedRequest(
      long nanoTime, String blogId, String query, String credential, int status) {}

  private static final class Comment {
    final String id;
    final String postId;
    final String inReplyTo;
    final String authorName;
    final Instant published;
    volatile Instant updated;
    volatile String content;
    volatile String status;
    volatile boolean corrupt;

    Comment(
        String id,
        String postId,
        String inReplyTo,
        String authorName,
        Instant published,
        String content,
        String status) {
      this.id = id;
      this.postId = postId;
      this.inReplyTo = inReplyTo;
      this.authorName = authorName;
      this.published = published;
      this.updated = published;
      this.content = content;
      this.status = status;
    }
  }

  private record Blog(String token, String apiKey, List<Comment> comments) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Blog> blogs = new ConcurrentHashMap<>();
  private final Map<String, Deque<BloggerFault>> faults = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(7_000_000_000_000_000_000L);

  private FakeBlogger(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeBlogger start() {
    try {
      FakeBlogger fake =
          new FakeBlogger(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake Blogger API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the API base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Adds a blog readable with the OAuth {@code token} (all statuses) or {@code apiKey} (live). */
  public FakeBlogger addBlog(String blogId, String token, String apiKey) {
    blogs.put(blogId, new Blog(token, apiKey, new CopyOnWriteArrayList<>()));
    faults.put(blogId, new ConcurrentLinkedDeque<>());
    return this;
  }

  /**
   * From now on the blog's OAuth token is {@code token}: the previous one has expired (a request
   * with it gets 401), as an hour-old Google access token does.
   */
  public void setToken(String blogId, String token) {
    blogs.computeIfPresent(blogId, (id, b) -> new Blog(token, b.apiKey(), b.comments()));
  }

  /** Adds a comment ({@code status} live, pending or spam); returns its id. */
  public String addComment(
      String blogId,
      String postId,
      String inReplyTo,
      String authorName,
      String content,
      Instant published,
      String status) {
    String id = Long.toString(sequence.incrementAndGet());
    blog(blogId)
        .comments()
        .add(new Comment(id, postId, inReplyTo, authorName, published, content, status));
    return id;
  }

  /**
   * {@code comments.removeContent}: blanks the content, status {@code emptied}, as of {@code at}.
   */
  public void removeContent(String blogId, String id, Instant at) {
    Comment c = comment(blogId, id);
    c.content = "";
    c.status = "emptied";
    c.updated = at;
  }

  /** Moves a comment to {@code status} ({@code live}, {@code pending}, {@code spam}). */
  public void setStatus(String blogId, String id, String status) {
    comment(blogId, id).status = status;
  }

  /** Makes the comment come back with a {@code published} that is not a time. */
  public void corruptComment(String blogId, String id) {
    comment(blogId, id).corrupt = true;
  }

  /** The next {@code times} requests for {@code blogId} are answered with {@code fault}. */
  public FakeBlogger failNext(String blogId, int times, BloggerFault fault) {
    for (int i = 0; i < times; i++) {
      faults.get(blogId).add(fault);
    }
    return this;
  }

  /** The requests for {@code blogId}, in order. */
  public List<RecordedRequest> requests(String blogId) {
    return requests.stream().filter(r -> blogId.equals(r.blogId())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
    String blogId = matcher.matches() ? matcher.group(1) : null;
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    String keyHeader = exchange.getRequestHeaders().getFirst("X-goog-api-key");
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange,
            st ->
                requests.add(
                    new RecordedRequest(
                        System.nanoTime(),
                        blogId,
                        rawQuery,
                        bearer != null ? bearer : keyHeader,
                        st)));
    try {
      status = answer(exchange, blogId, rawQuery == null ? "" : rawQuery, bearer, keyHeader);
    } catch (RuntimeException e) {
      status = send(exchange, 500, error(500, "backendError", "Backend Error"), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(
      HttpExchange exchange, String blogId, String rawQuery, String bearer, String keyHeader)
      throws IOException {
    Blog blog = blogId == null ? null : blogs.get(blogId);
    if (blog == null) {
      return send(exchange, 404, error(404, "notFound", "Not Found"), Map.of());
    }
    BloggerFault fault = faults.get(blogId).poll();
    if (fault != null) {
      return sendFault(exchange, fault);
    }
    Map<String, List<String>> query = parse(rawQuery);
    boolean admin = bearer != null && bearer.equals("Bearer " + blog.token());
    String key = keyHeader != null ? keyHeader : first(query, "key");
    if (bearer != null && !admin) {
      return send(exchange, 401, error(401, "authError", "Invalid Credentials"), Map.of());
    }
    if (!admin && (key == null || !key.equals(blog.apiKey()))) {
      return send(
          exchange,
          400,
          error(400, "badRequest", "API key not valid. Please pass a valid API key."),
          Map.of());
    }
    List<String> statuses = query.getOrDefault("status", List.of("live"));
    if (!admin && statuses.stream().anyMatch(s -> !s.equals("live"))) {
      return send(
          exchange,
          403,
          error(
              403,
              "forbidden",
              "We're sorry, but you don't have permission to access this resource."),
          Map.of());
    }
    int max;
    try {
      max = Integer.parseInt(query.getOrDefault("maxResults", List.of("" + DEFAULT_MAX)).get(0));
    } catch (NumberFormatException e) {
      return send(exchange, 400, error(400, "invalid", "Invalid value for maxResults"), Map.of());
    }
    Instant start = null;
    if (query.containsKey("startDate")) {
      try {
        start = OffsetDateTime.parse(first(query, "startDate")).toInstant();
      } catch (DateTimeParseException e) {
        return send(exchange, 400, error(400, "invalid", "Invalid value for startDate"), Map.of());
      }
    }
    int offset = 0;
    String token = first(query, "pageToken");
    if (token != null) {
      try {
        offset =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return send(exchange, 400, error(400, "invalid", "Invalid value for pageToken"), Map.of());
      }
    }
    Instant from = start;
    List<Comment> matching =
        blog.comments().stream()
            .filter(c -> statuses.contains(c.status))
            .filter(c -> from == null || !c.published.isBefore(from))
            .sorted(Comparator.<Comment, Instant>comparing(c -> c.published).reversed())
            .toList();
    List<Object> items = new ArrayList<>();
    for (Comment c : matching.stream().skip(offset).limit(max).toList()) {
      items.add(json(blogId, c));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "blogger#commentList");
    if (offset + max < matching.size()) {
      body.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(Integer.toString(offset + max).getBytes(StandardCharsets.UTF_8)));
    }
    body.put("items", items);
    return send(exchange, 200, JsonText.write(body), Map.of());
  }

  private Map<String, Object> json(String blogId, Comment c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", "blogger#comment");
    json.put("id", c.id);
    json.put("post", Map.of("id", c.postId));
    json.put("blog", Map.of("id", blogId));
    json.put("published", c.corrupt ? "last tuesday" : c.published.toString());
    json.put("updated", c.updated.toString());
    json.put(
        "selfLink",
        baseUrl() + "/blogger/v3/blogs/" + blogId + "/posts/" + c.postId + "/comments/" + c.id);
    json.put("content", c.content);
    json.put(
        "author",
        Map.of(
            "id",
            "a-" + c.authorName,
            "displayName",
            c.authorName,
            "url",
            "https://www.blogger.com/profile/a-" + c.authorName));
    if (c.inReplyTo != null) {
      json.put("inReplyTo", Map.of("id", c.inReplyTo));
    }
    json.put("status", c.status);
    return json;
  }

  private int sendFault(HttpExchange exchange, BloggerFault fault) throws IOException {
    if (fault instanceof BloggerFault.RateLimitExceeded limit) {
      return send(exchange, 403, error(403, limit.reason(), "Rate Limit Exceeded"), Map.of());
    }
    if (fault instanceof BloggerFault.TooManyRequests tooMany) {
      return send(
          exchange,
          429,
          error(429, "rateLimitExceeded", "Resource has been exhausted"),
          Map.of("Retry-After", Integer.toString(tooMany.retryAfterSeconds())));
    }
    if (fault instanceof BloggerFault.ServerError server) {
      return send(
          exchange,
          server.status(),
          error(server.status(), "backendError", "Backend Error"),
          Map.of());
    }
    return send(exchange, 200, "{\"kind\":\"blogger#commentList\",\"items\":[{\"id\":", Map.of());
  }

  private static String error(int code, String reason, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("domain", code == 403 && reason.contains("RateLimit") ? "usageLimits" : "global");
    e.put("reason", reason);
    e.put("message", message);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("errors", List.of(e));
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

  private Blog blog(String blogId) {
    Blog b = blogs.get(blogId);
    if (b == null) {
      throw new IllegalArgumentException("no such blog: " + blogId);
    }
    return b;
  }

  private Comment comment(String blogId, String id) {
    return blog(blogId).comments().stream()
        .filter(c -> c.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such comment: " + id));
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }
}
