package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local X API v2 for tests. {@code GET /2/users/:id/mentions}: newest first, at most the newest
 * {@value #MENTIONS_AVAILABLE}; {@code since_id}/{@code until_id} exclusive bounds; {@code
 * max_results} 5–100 (default 10); {@code pagination_token} from {@code meta.next_token}; {@code
 * meta.result_count/newest_id/oldest_id}; only the {@code tweet.fields} asked for (besides {@code
 * id}, {@code text}, {@code edit_history_tweet_ids}); {@code expansions=author_id} puts the authors
 * in {@code includes.users}; an unknown user is a 200 with only {@code errors[]}. An edit gives the
 * post a new id whose {@code edit_history_tweet_ids} starts with the original, and the timeline
 * shows only the latest version. {@code GET /2/dm_events}: the token owner's events of the last 30
 * days, newest first, {@code event_types}, {@code dm_event.fields}, {@code max_results} 1–100
 * (default 100); an app-only token gets 403 {@code unsupported-authentication}, an account without
 * DM access 403 {@code client-forbidden}. Bearer tokens: the app's token or an account's user
 * token; anything else 401. Every answer carries {@code x-rate-limit-limit/remaining/reset}
 * counting down per endpoint and token in 15-minute windows on the fake's {@link Clock}; a spent
 * window answers 429. Errors are problem objects {@code {"title","detail","type","status"}}. Every
 * request is recorded.
 */
public final class FakeX implements AutoCloseable {

  /** How many of the newest mentions the timeline reaches back. */
  public static final int MENTIONS_AVAILABLE = 800;

  /** The length of a rate-limit window. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private static final Pattern MENTIONS = Pattern.compile("^/2/users/([^/]+)/mentions$");
  private static final String DM_EVENTS = "/2/dm_events";
  private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

  /** One request the fake received; status -1 if the client had gone. */
  public record RecordedRequest(long nanoTime, String path, String query, int status) {}

  private record Account(String userId, String username, String userToken, boolean dmAccess) {}

  private record User(String id, String username, String name) {}

  private static final class Post {
    final String id;
    final String mentionedUserId;
    final String authorId;
    final String text;
    final Instant createdAt;
    final String conversationId;
    final String inReplyToUserId;
    final String repliedToId;
    final List<String> history;
    volatile boolean superseded;
    volatile boolean corrupt;

    Post(
        String id,
        String mentionedUserId,
        String authorId,
        String text,
        Instant createdAt,
        String conversationId,
        String inReplyToUserId,
        String repliedToId,
        List<String> history) {
      this.id = id;
      this.mentionedUserId = mentionedUserId;
      this.authorId = authorId;
      this.text = text;
      this.createdAt = createdAt;
      this.conversationId = conversationId;
      this.inReplyToUserId = inReplyToUserId;
      this.repliedToId = repliedToId;
      this.history = List.copyOf(history);
    }
  }

  private record Message(
      String id, String ownerId, String senderId, String conversationId, String text, Instant at) {}

  private static final class Window {
    Instant resetAt;
    int remaining;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Clock clock;
  private final String appToken;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Set<String> suspended = ConcurrentHashMap.newKeySet();
  private final Map<String, Post> posts = new ConcurrentHashMap<>();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Deque<XFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  // Snowflake-like: 19 digits, growing with every post or message.
  private final AtomicLong sequence = new AtomicLong(1_860_000_000_000_000_000L);
  private volatile int mentionsLimit = 450;
  private volatile int dmEventsLimit = 300;

  private FakeX(HttpServer server, Clock clock, String appToken) {
    this.server = server;
    this.clock = clock;
    this.appToken = appToken;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port, on {@code clock}, accepting {@code appToken}. */
  public static FakeX start(Clock clock, String appToken) {
    try {
      FakeX fake =
          new FakeX(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), clock, appToken);
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake X API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the API base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Adds an account (the trust's) with its user-context token; {@code dmAccess} false makes its DM
   * requests fail as an app without DM access does.
   */
  public FakeX addAccount(String userId, String username, String userToken, boolean dmAccess) {
    accounts.put(userId, new Account(userId, username, userToken, dmAccess));
    users.put(userId, new User(userId, username, username));
    return this;
  }

  /** Adds a user who may post or send messages. */
  public FakeX addUser(String userId, String username, String name) {
    users.put(userId, new User(userId, username, name));
    return this;
  }

  /** Requests per 15-minute window and token: mentions, then DM events. */
  public FakeX limits(int mentionsPerWindow, int dmEventsPerWindow) {
    this.mentionsLimit = mentionsPerWindow;
    this.dmEventsLimit = dmEventsPerWindow;
    return this;
  }

  /** A new post by {@code authorId} mentioning {@code userId}, starting its own conversation. */
  public String mention(String userId, String authorId, String text, Instant at) {
    String id = nextId();
    posts.put(id, new Post(id, userId, authorId, text, at, id, null, null, List.of(id)));
    return id;
  }

  /**
   * A reply by {@code authorId} to {@code parentId} (in the parent's conversation) that mentions
   * {@code userId}.
   */
  public String reply(String userId, String authorId, String parentId, String text, Instant at) {
    String id = nextId();
    Post parent = posts.get(parentId);
    String conversation = parent == null ? parentId : parent.conversationId;
    String parentAuthor = parent == null ? userId : parent.authorId;
    posts.put(
        id,
        new Post(
            id, userId, authorId, text, at, conversation, parentAuthor, parentId, List.of(id)));
    return id;
  }

  /** Edits a post: returns the new version's id; the timeline then shows only that version. */
  public String edit(String postId, String text, Instant at) {
    Post old = post(postId);
    String id = nextId();
    List<String> history = new ArrayList<>(old.history);
    history.add(id);
    Post edited =
        new Post(
            id,
            old.mentionedUserId,
            old.authorId,
            text,
            at,
            old.conversationId,
            old.inReplyToUserId,
            old.repliedToId,
            history);
    old.superseded = true;
    posts.put(id, edited);
    return id;
  }

  /** Deletes a post: it silently leaves the timeline, as on X. */
  public void delete(String postId) {
    post(postId).superseded = true;
  }

  /** Makes the post come back with a {@code created_at} that is not a time. */
  public void corrupt(String postId) {
    post(postId).corrupt = true;
  }

  /**
   * Suspends a user: their posts stay, but {@code includes.users} lacks them and {@code errors[]}
   * reports each (a partial error).
   */
  public void suspend(String userId) {
    suspended.add(userId);
  }

  /** A direct message from {@code senderId} to the account {@code ownerId}. */
  public String directMessage(String ownerId, String senderId, String text, Instant at) {
    String id = nextId();
    long a = Long.parseLong(ownerId);
    long b = Long.parseLong(senderId);
    String conversation = Math.min(a, b) + "-" + Math.max(a, b);
    messages.add(new Message(id, ownerId, senderId, conversation, text, at));
    return id;
  }

  /** Answers the next request with {@code fault}; several queue up in order. */
  public FakeX failNext(XFault fault) {
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
              exchange,
              500,
              problem("Internal Server Error", "the fake failed", "about:blank", 500),
              Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String path, String rawQuery) throws IOException {
    XFault fault = faults.poll();
    if (fault instanceof XFault.Slow slow) {
      sleep(slow.delay().toMillis());
    } else if (fault != null) {
      return sendFault(exchange, fault);
    }
    Matcher mentions = MENTIONS.matcher(path);
    boolean dms = DM_EVENTS.equals(path);
    if ((!mentions.matches() && !dms) || !"GET".equals(exchange.getRequestMethod())) {
      return send(
          exchange,
          404,
          problem("Not Found Error", "no such endpoint", PROBLEMS + "resource-not-found", 404),
          Map.of());
    }
    String bearer = exchange.getRequestHeaders().getFirst("Authorization");
    String token = bearer != null && bearer.startsWith("Bearer ") ? bearer.substring(7) : null;
    Account owner = token == null ? null : ownerOf(token);
    boolean app = appToken.equals(token);
    if (owner == null && !app) {
      return send(
          exchange, 401, problem("Unauthorized", "Unauthorized", "about:blank", 401), Map.of());
    }
    String endpoint = dms ? "dm_events" : "mentions";
    Map<String, String> limitHeaders = new LinkedHashMap<>();
    if (!spend(endpoint + ":" + token, dms ? dmEventsLimit : mentionsLimit, limitHeaders)) {
      return send(
          exchange,
          429,
          problem("Too Many Requests", "Too Many Requests", "about:blank", 429),
          limitHeaders);
    }
    Map<String, String> query = parse(rawQuery);
    if (dms) {
      if (owner == null) {
        return send(
            exchange,
            403,
            problem(
                "Unsupported Authentication",
                "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint."
                    + "  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0"
                    + " User Context].",
                PROBLEMS + "unsupported-authentication",
                403),
            limitHeaders);
      }
      if (!owner.dmAccess()) {
        return send(
            exchange,
            403,
            problem(
                "Client Forbidden",
                "This request must be made using an approved developer account that is enrolled"
                    + " in the requested endpoint.",
                PROBLEMS + "client-forbidden",
                403),
            limitHeaders);
      }
      return dmEvents(exchange, owner, query, limitHeaders);
    }
    return mentions(exchange, mentions.group(1), query, limitHeaders);
  }

  private int mentions(
      HttpExchange exchange, String userId, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    int max = integer(query.get("max_results"), 10);
    if (max < 5 || max > 100) {
      return send(exchange, 400, invalid("max_results", query.get("max_results")), headers);
    }
    if (!accounts.containsKey(userId) && !users.containsKey(userId)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("value", userId);
      error.put("detail", "Could not find user with id: [" + userId + "].");
      error.put("title", "Not Found Error");
      error.put("resource_type", "user");
      error.put("parameter", "id");
      error.put("resource_id", userId);
      error.put("type", PROBLEMS + "resource-not-found");
      return send(exchange, 200, JsonText.write(Map.of("errors", List.of(error))), headers);
    }
    String since = query.get("since_id");
    String until = query.get("until_id");
    String token = query.get("pagination_token");
    String after = token == null ? null : decode(token);
    if (token != null && after == null) {
      return send(exchange, 400, invalid("pagination_token", token), headers);
    }
    List<Post> visible =
        posts.values().stream()
            .filter(p -> p.mentionedUserId.equals(userId) && !p.superseded)
            .sorted(Comparator.comparing((Post p) -> Long.parseLong(p.id)).reversed())
            .limit(MENTIONS_AVAILABLE)
            .filter(p -> since == null || Long.parseLong(p.id) > Long.parseLong(since))
            .filter(p -> until == null || Long.parseLong(p.id) < Long.parseLong(until))
            .filter(p -> after == null || Long.parseLong(p.id) < Long.parseLong(after))
            .toList();
    List<Post> slice = visible.subList(0, Math.min(max, visible.size()));
    Set<String> fields = fields(query.get("tweet.fields"));
    boolean expandAuthors = fields(query.get("expansions")).contains("author_id");
    List<Object> data = new ArrayList<>();
    Set<String> authors = new LinkedHashSet<>();
    for (Post post : slice) {
      data.add(postJson(post, fields, expandAuthors));
      authors.add(post.authorId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (!data.isEmpty()) {
      body.put("data", data);
    }
    if (expandAuthors && !authors.isEmpty()) {
      List<Object> included = new ArrayList<>();
      List<Object> errors = new ArrayList<>();
      for (String authorId : authors) {
        User user = users.get(authorId);
        if (user != null && !suspended.contains(authorId)) {
          included.add(Map.of("id", user.id(), "username", user.username(), "name", user.name()));
        } else {
          Map<String, Object> error = new LinkedHashMap<>();
          error.put("value", authorId);
          error.put("detail", "User has been suspended: [" + authorId + "].");
          error.put("title", "Forbidden");
          error.put("resource_type", "user");
          error.put("parameter", "author_id");
          error.put("resource_id", authorId);
          error.put("type", PROBLEMS + "resource-not-found");
          errors.add(error);
        }
      }
      if (!included.isEmpty()) {
        body.put("includes", Map.of("users", included));
      }
      if (!errors.isEmpty()) {
        body.put("errors", errors);
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (!slice.isEmpty()) {
      meta.put("newest_id", slice.get(0).id);
      meta.put("oldest_id", slice.get(slice.size() - 1).id);
    }
    meta.put("result_count", slice.size());
    if (visible.size() > slice.size()) {
      meta.put("next_token", encode(slice.get(slice.size() - 1).id));
    }
    body.put("meta", meta);
    return send(exchange, 200, JsonText.write(body), headers);
  }

  private Map<String, Object> postJson(Post post, Set<String> fields, boolean expandAuthors) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", post.id);
    json.put("text", post.text);
    json.put("edit_history_tweet_ids", post.history);
    if (fields.contains("created_at")) {
      json.put("created_at", post.corrupt ? "last Tuesday" : iso(post.createdAt));
    }
    if (fields.contains("author_id") || expandAuthors) {
      json.put("author_id", post.authorId);
    }
    if (fields.contains("conversation_id")) {
      json.put("conversation_id", post.conversationId);
    }
    if (fields.contains("in_reply_to_user_id") && post.inReplyToUserId != null) {
      json.put("in_reply_to_user_id", post.inReplyToUserId);
    }
    if (fields.contains("referenced_tweets") && post.repliedToId != null) {
      json.put("referenced_tweets", List.of(Map.of("type", "replied_to", "id", post.repliedToId)));
    }
    return json;
  }

  private int dmEvents(
      HttpExchange exchange, Account owner, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    int max = integer(query.get("max_results"), 100);
    if (max < 1 || max > 100) {
      return send(exchange, 400, invalid("max_results", query.get("max_results")), headers);
    }
    String types = query.get("event_types");
    if (types != null && !fields(types).contains("MessageCreate")) {
      return send(
          exchange, 200, JsonText.write(Map.of("meta", Map.of("result_count", 0))), headers);
    }
    String token = query.get("pagination_token");
    String after = token == null ? null : decode(token);
    if (token != null && after == null) {
      return send(exchange, 400, invalid("pagination_token", token), headers);
    }
    Instant oldest = clock.instant().minus(Duration.ofDays(30));
    List<Message> visible =
        messages.stream()
            .filter(m -> m.ownerId().equals(owner.userId()) && m.at().isAfter(oldest))
            .sorted(Comparator.comparing((Message m) -> Long.parseLong(m.id())).reversed())
            .filter(m -> after == null || Long.parseLong(m.id()) < Long.parseLong(after))
            .toList();
    List<Message> slice = visible.subList(0, Math.min(max, visible.size()));
    Set<String> fields = fields(query.get("dm_event.fields"));
    List<Object> data = new ArrayList<>();
    for (Message message : slice) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", message.id());
      json.put("event_type", "MessageCreate");
      json.put("text", message.text());
      if (fields.contains("created_at")) {
        json.put("created_at", iso(message.at()));
      }
      if (fields.contains("sender_id")) {
        json.put("sender_id", message.senderId());
      }
      if (fields.contains("dm_conversation_id")) {
        json.put("dm_conversation_id", message.conversationId());
      }
      data.add(json);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (!data.isEmpty()) {
      body.put("data", data);
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result_count", slice.size());
    if (visible.size() > slice.size()) {
      meta.put("next_token", encode(slice.get(slice.size() - 1).id()));
    }
    body.put("meta", meta);
    return send(exchange, 200, JsonText.write(body), headers);
  }

  /** Counts one request in the token's window; false when the window is spent. */
  private boolean spend(String key, int limit, Map<String, String> headers) {
    Instant now = clock.instant();
    Window window = windows.computeIfAbsent(key, k -> new Window());
    synchronized (window) {
      if (window.resetAt == null || !now.isBefore(window.resetAt)) {
        window.resetAt = now.plus(WINDOW);
        window.remaining = limit;
      }
      boolean allowed = window.remaining > 0;
      if (allowed) {
        window.remaining--;
      }
      headers.put("x-rate-limit-limit", Integer.toString(limit));
      headers.put("x-rate-limit-remaining", Integer.toString(window.remaining));
      headers.put("x-rate-limit-reset", Long.toString(window.resetAt.getEpochSecond()));
      return allowed;
    }
  }

  private int sendFault(HttpExchange exchange, XFault fault) throws IOException {
    if (fault instanceof XFault.TooManyRequests t) {
      long reset = clock.instant().plusSeconds(t.resetInSeconds()).getEpochSecond();
      return send(
          exchange,
          429,
          problem("Too Many Requests", "Too Many Requests", "about:blank", 429),
          Map.of(
              "x-rate-limit-limit", "450",
              "x-rate-limit-remaining", "0",
              "x-rate-limit-reset", Long.toString(reset)));
    }
    if (fault instanceof XFault.ServerError s) {
      return send(
          exchange,
          s.status(),
          problem("Service Unavailable", "Service Unavailable", "about:blank", s.status()),
          Map.of());
    }
    return send(exchange, 200, "{\"data\":[{\"id\":\"18600", Map.of());
  }

  private static String invalid(String parameter, String value) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("parameters", Map.of(parameter, List.of(String.valueOf(value))));
    error.put("message", "The `" + parameter + "` query parameter value is not valid");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(error));
    body.put("title", "Invalid Request");
    body.put("detail", "One or more parameters to your request was invalid.");
    body.put("type", PROBLEMS + "invalid-request");
    return JsonText.write(body);
  }

  private static String problem(String title, String detail, String type, int status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("detail", detail);
    body.put("type", type);
    body.put("status", status);
    return JsonText.write(body);
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

  private Account ownerOf(String token) {
    for (Account account : accounts.values()) {
      if (account.userToken().equals(token)) {
        return account;
      }
    }
    return null;
  }

  private Post post(String id) {
    Post post = posts.get(id);
    if (post == null) {
      throw new IllegalArgumentException("no such post: " + id);
    }
    return post;
  }

  private String nextId() {
    return Long.toString(sequence.addAndGet(7));
  }

  private static String iso(Instant at) {
    // X writes milliseconds always: 2026-11-25T10:30:00.000Z.
    return java.time.format.DateTimeFormatter.ISO_INSTANT
        .format(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .replaceFirst("(T\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
  }

  private static Set<String> fields(String list) {
    return list == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(list.split(",")));
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("after:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("after:")) {
        return null;
      }
      String id = text.substring(6);
      Long.parseLong(id);
      return id;
    } catch (IllegalArgumentException e) {
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
