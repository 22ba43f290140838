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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 * Local WordPress sites for tests, each under its own path ({@code /<blog>}), following the REST
 * API's documented shapes for {@code GET /<blog>/wp-json/wp/v2/comments}: {@code status} (one per
 * request; default {@code approve}; others need an authenticated user), {@code context}, {@code
 * orderby=date_gmt|id}, {@code order}, {@code after}, {@code page}/{@code per_page} (at most 100)
 * with {@code X-WP-Total} and {@code X-WP-TotalPages}; comment JSON with {@code id}, {@code post},
 * {@code parent}, {@code author}, {@code author_name}, {@code author_url}, {@code date}, {@code
 * date_gmt}, {@code content.rendered}, {@code link}, {@code status}, {@code type}; errors as {@code
 * {"code","message","data":{"status"}}}. Application passwords are checked as HTTP Basic. Comments
 * can be added, edited, moved between statuses and deleted while it runs, and {@link
 * WordPressFault}s scripted per blog. Every request is recorded.
 */
public final class FakeWordPress implements AutoCloseable {

  private static final Pattern PATH = Pattern.compile("/([^/]+)/wp-json/wp/v2/comments/?");
  private static final DateTimeFormatter GMT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_PER_PAGE = 10;

  /** One request the fake received: blog, query, Authorization header (or null), status sent. */
  public record RecordedRequest(
      long nanoTime, String blog, String query, String authorization, int status) {}

  private static final class Comment {
    final long id;
    final long post;
    final long parent;
    final long author;
    final String authorName;
    final String authorUrl;
    final Instant dateGmt;
    volatile String html;
    volatile String status;
    volatile boolean corrupt;
    volatile boolean deleted;

    Comment(
        long id,
        long post,
        long parent,
        long author,
        String authorName,
        String authorUrl,
        Instant dateGmt,
        String html,
        String status) {
      this.id = id;
      this.post = post;
      this.parent = parent;
      this.author = author;
      this.authorName = authorName;
      this.authorUrl = authorUrl;
      this.dateGmt = dateGmt;
      this.html = html;
      this.status = status;
    }
  }

  private record Blog(String user, String password, List<Comment> comments) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Blog> blogs = new ConcurrentHashMap<>();
  private final Map<String, Deque<WordPressFault>> faults = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(100);

  private FakeWordPress(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeWordPress start() {
    try {
      FakeWordPress fake =
          new FakeWordPress(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake WordPress", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/<blog>}: the blog's base URL to configure. */
  public URI baseUrl(String blog) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + blog);
  }

  // ---- content ----

  /** Adds a blog whose moderator {@code user} has the application password {@code password}. */
  public FakeWordPress addBlog(String blog, String user, String password) {
    blogs.put(blog, new Blog(user, password, new CopyOnWriteArrayList<>()));
    faults.put(blog, new ConcurrentLinkedDeque<>());
    return this;
  }

  /**
   * Adds a comment by a visitor (author 0) on post {@code post}, replying to {@code parent} (0 for
   * none), in {@code status} ({@code approve}, {@code hold}, {@code spam}, {@code trash}); returns
   * its id.
   */
  public long addComment(
      String blog,
      long post,
      long parent,
      String authorName,
      String authorUrl,
      String html,
      Instant dateGmt,
      String status) {
    long id = sequence.incrementAndGet();
    blog(blog)
        .comments()
        .add(
            new Comment(
                id, post, parent, 0, authorName, authorUrl, dateGmt, html, statusOf(status)));
    return id;
  }

  /** Replaces a comment's content (an edit; WordPress keeps no modified date for comments). */
  public void editComment(String blog, long id, String html) {
    comment(blog, id).html = html;
  }

  /**
   * Moves a comment to {@code status} ({@code approve}, {@code hold}, {@code spam}, {@code trash}).
   */
  public void setStatus(String blog, long id, String status) {
    comment(blog, id).status = statusOf(status);
  }

  /** Deletes a comment for good ({@code force=true}): it disappears from every answer. */
  public void deleteComment(String blog, long id) {
    comment(blog, id).deleted = true;
  }

  /** Makes the comment come back with a {@code date_gmt} that is not a date, as a broken item. */
  public void corruptComment(String blog, long id) {
    comment(blog, id).corrupt = true;
  }

  // ---- faults and observation ----

  /** The next {@code times} requests to {@code blog} are answered with {@code fault}. */
  public FakeWordPress failNext(String blog, int times, WordPressFault fault) {
    for (int i = 0; i < times; i++) {
      faults.get(blog).add(fault);
    }
    return this;
  }

  /** Every request answered so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests to {@code blog}. */
  public List<RecordedRequest> requests(String blog) {
    return requests.stream().filter(r -> blog.equals(r.blog())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher matcher = PATH.matcher(path);
    String blog = matcher.matches() ? matcher.group(1) : null;
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange,
            st ->
                requests.add(
                    new RecordedRequest(System.nanoTime(), blog, rawQuery, authorization, st)));
    try {
      status = answer(exchange, blog, rawQuery == null ? "" : rawQuery, authorization);
    } catch (RuntimeException e) {
      status = send(exchange, 500, error("internal_server_error", "fake error", 500), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String blogName, String rawQuery, String authorization)
      throws IOException {
    Blog blog = blogName == null ? null : blogs.get(blogName);
    if (blog == null) {
      return send(
          exchange,
          404,
          error("rest_no_route", "No route was found matching the URL and request method.", 404),
          Map.of());
    }
    WordPressFault fault = faults.get(blogName).poll();
    if (fault != null) {
      return sendFault(exchange, fault);
    }
    if (!"GET".equals(exchange.getRequestMethod())) {
      return send(
          exchange,
          404,
          error("rest_no_route", "No route was found matching the URL and request method.", 404),
          Map.of());
    }
    Map<String, String> query = parse(rawQuery);
    boolean authenticated = false;
    if (authorization != null) {
      if (!authorization.equals(basic(blog.user(), blog.password()))) {
        return send(
            exchange,
            401,
            error(
                "incorrect_password",
                "The provided password is an invalid application password.",
                401),
            Map.of());
      }
      authenticated = true;
    }
    String status = query.getOrDefault("status", "approve");
    if (!authenticated && !status.equals("approve")) {
      return send(
          exchange,
          401,
          error("rest_forbidden_param", "Query parameter not permitted: status", 401),
          Map.of());
    }
    if (!authenticated && "edit".equals(query.get("context"))) {
      return send(
          exchange,
          401,
          error("rest_forbidden_context", "Sorry, you are not allowed to edit comments.", 401),
          Map.of());
    }
    Integer perPage = integer(query.getOrDefault("per_page", Integer.toString(DEFAULT_PER_PAGE)));
    Integer page = integer(query.getOrDefault("page", "1"));
    if (perPage == null || perPage < 1 || perPage > 100) {
      return send(
          exchange,
          400,
          invalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)"),
          Map.of());
    }
    if (page == null || page < 1) {
      return send(
          exchange, 400, invalidParam("page", "page must be greater than or equal to 1"), Map.of());
    }
    Instant after = null;
    if (query.containsKey("after")) {
      after = time(query.get("after"));
      if (after == null) {
        return send(exchange, 400, invalidParam("after", "Invalid date."), Map.of());
      }
    }
    String wanted = statusOf(status);
    Instant afterTime = after;
    Comparator<Comment> order =
        "id".equals(query.get("orderby"))
            ? Comparator.comparingLong(c -> c.id)
            : Comparator.<Comment, Instant>comparing(c -> c.dateGmt).thenComparingLong(c -> c.id);
    if ("desc".equals(query.getOrDefault("order", "desc"))) {
      order = order.reversed();
    }
    List<Comment> matching =
        blog.comments().stream()
            .filter(c -> !c.deleted && c.status.equals(wanted))
            // WordPress's date query "after" is exclusive.
            .filter(c -> afterTime == null || c.dateGmt.isAfter(afterTime))
            .sorted(order)
            .toList();
    int total = matching.size();
    int totalPages = (total + perPage - 1) / perPage;
    if (page > totalPages && total > 0) {
      return send(
          exchange,
          400,
          error(
              "rest_comment_invalid_page_number",
              "The page number requested is larger than the number of pages available.",
              400),
          Map.of());
    }
    List<Object> items =
        matching.stream()
            .skip((long) (page - 1) * perPage)
            .limit(perPage)
            .map(c -> (Object) json(blogName, c))
            .toList();
    return send(
        exchange,
        200,
        JsonText.write(items),
        Map.of(
            "X-WP-Total",
            Integer.toString(total),
            "X-WP-TotalPages",
            Integer.toString(totalPages)));
  }

  private Map<String, Object> json(String blog, Comment c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id);
    json.put("post", c.post);
    json.put("parent", c.parent);
    json.put("author", c.author);
    json.put("author_name", c.authorName);
    json.put("author_url", c.authorUrl == null ? "" : c.authorUrl);
    json.put("date", c.corrupt ? "yesterday-ish" : GMT.format(c.dateGmt));
    json.put("date_gmt", c.corrupt ? "yesterday-ish" : GMT.format(c.dateGmt));
    json.put("content", Map.of("rendered", c.html, "raw", c.html));
    json.put("link", baseUrl(blog) + "/?p=" + c.post + "#comment-" + c.id);
    json.put("status", c.status);
    json.put("type", "comment");
    return json;
  }

  private int sendFault(HttpExchange exchange, WordPressFault fault) throws IOException {
    if (fault instanceof WordPressFault.TooManyRequests tooMany) {
      return send(
          exchange,
          429,
          error("rest_too_many_requests", "Too many requests.", 429),
          Map.of("Retry-After", Integer.toString(tooMany.retryAfterSeconds())));
    }
    if (fault instanceof WordPressFault.ServerError server) {
      return sendText(
          exchange,
          server.status(),
          "<html><body><h1>Error establishing a database connection</h1></body></html>",
          "text/html");
    }
    return sendText(
        exchange,
        200,
        "<br />\n<b>Notice</b>: Undefined index in wp-content/plugins/x.php on line 3<br />\n[{\"id\":",
        "application/json; charset=UTF-8");
  }

  private static String error(String code, String message, int status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", code);
    json.put("message", message);
    json.put("data", Map.of("status", status));
    return JsonText.write(json);
  }

  private static String invalidParam(String param, String why) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", "rest_invalid_param");
    json.put("message", "Invalid parameter(s): " + param);
    json.put("data", Map.of("status", 400, "params", Map.of(param, why)));
    return JsonText.write(json);
  }

  private static int send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    return sendText(exchange, status, body, "application/json; charset=UTF-8");
  }

  private static int sendText(HttpExchange exchange, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The stored status: the query's {@code approve} is stored and answered as {@code approved}. */
  private static String statusOf(String status) {
    return switch (status) {
      case "approve", "approved" -> "approved";
      case "hold", "spam", "trash" -> status;
      default -> throw new IllegalArgumentException("no such comment status: " + status);
    };
  }

  private Blog blog(String blog) {
    Blog b = blogs.get(blog);
    if (b == null) {
      throw new IllegalArgumentException("no such blog: " + blog);
    }
    return b;
  }

  private Comment comment(String blog, long id) {
    return blog(blog).comments().stream()
        .filter(c -> c.id == id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such comment: " + id));
  }

  private static Instant time(String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        // Without an offset WordPress reads the site's time zone; the fake's sites are on UTC.
        return java.time.LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
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
}
