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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Instagram Graph API (as served on {@code graph.facebook.com}) for tests, following the
 * documented shapes: {@code GET /{version}/{ig-user-id}/media} (newest first), {@code GET
 * /{version}/{media-id}/comments} (top-level comments, newest first, with the first page of each
 * one's {@code replies} embedded when {@code fields} asks for {@code replies}), {@code GET
 * /{version}/{comment-id}/replies} (oldest first) and {@code GET
 * /{version}/{page-id}/conversations?platform=instagram} (most recently active first, each with its
 * newest messages). Pages with {@code data}, {@code paging.cursors.before/after}, {@code
 * paging.next}, {@code limit}; times as Graph writes them ({@code 2026-11-25T09:58:00+0000});
 * tokens checked; Graph's error body; {@code X-App-Usage} on every answer. A separate fake rather
 * than more of {@link FakeFacebookGraph}: Instagram's objects (media, comments without edits,
 * replies edge, IG-scoped users) share only the error and paging conventions with a Page's.
 */
public final class FakeInstagram implements AutoCloseable {

  private static final Pattern PATH =
      Pattern.compile("/(v\\d+\\.\\d+)/([^/]+)/(media|comments|replies|conversations)/?");
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;
  private static final String RECORDING = FakeInstagram.class.getName() + ".recording";

  /** Instagram returns only the most recent messages of a conversation. */
  private static final int MESSAGES_PER_CONVERSATION = 20;

  /** One request the fake received, with the status it answered; -1 if the client had gone. */
  public record RecordedRequest(long nanoTime, String path, String query, int status) {}

  private record Account(String igUserId, String pageId, String token) {}

  private static final class Media {
    final String id;
    final String igUserId;
    final String caption;
    final Instant timestamp;
    volatile boolean deleted;
    volatile boolean corrupt;

    Media(String id, String igUserId, String caption, Instant timestamp) {
      this.id = id;
      this.igUserId = igUserId;
      this.caption = caption;
      this.timestamp = timestamp;
    }
  }

  private static final class Comment {
    final String id;
    final String mediaId;
    final String parentId;
    final String text;
    final String fromId;
    final String username;
    final Instant timestamp;
    volatile boolean hidden;
    volatile boolean deleted;
    volatile boolean corrupt;

    Comment(
        String id,
        String mediaId,
        String parentId,
        String text,
        String fromId,
        String username,
        Instant timestamp) {
      this.id = id;
      this.mediaId = mediaId;
      this.parentId = parentId;
      this.text = text;
      this.fromId = fromId;
      this.username = username;
      this.timestamp = timestamp;
    }
  }

  private record Message(
      String id, String fromId, String fromUsername, String toId, String text, Instant created) {}

  private static final class Conversation {
    final String id;
    final String igUserId;
    final String participantId;
    final String participantUsername;
    final List<Message> messages = new CopyOnWriteArrayList<>();

    Conversation(String id, String igUserId, String participantId, String participantUsername) {
      this.id = id;
      this.igUserId = igUserId;
      this.participantId = participantId;
      this.participantUsername = participantUsername;
    }

    Instant updated() {
      return messages.stream()
          .map(Message::created)
          .max(Comparator.naturalOrder())
          .orElse(Instant.EPOCH);
    }
  }

  private record ScheduledFault(InstagramFault fault, Predicate<String> paths) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Media> media = new ConcurrentHashMap<>();
  private final Map<String, Comment> comments = new ConcurrentHashMap<>();
  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final Deque<ScheduledFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong(17_900_000_000_000_000L);
  private volatile int embeddedReplies = DEFAULT_LIMIT;
  private volatile int usagePercent;

  private FakeInstagram(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeInstagram start() {
    try {
      FakeInstagram fake =
          new FakeInstagram(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake Instagram API", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the Graph base URL to configure. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- content ----

  /**
   * Adds a business account {@code igUserId} linked to Page {@code pageId}, read with {@code
   * token}.
   */
  public FakeInstagram addAccount(String igUserId, String pageId, String token) {
    accounts.put(igUserId, new Account(igUserId, pageId, token));
    return this;
  }

  /** Publishes a media object on the account; returns its id. */
  public String addMedia(String igUserId, String caption, Instant timestamp) {
    account(igUserId);
    String id = Long.toString(sequence.incrementAndGet());
    media.put(id, new Media(id, igUserId, caption, timestamp));
    return id;
  }

  /** Makes the media come back with a {@code timestamp} that is not a time. */
  public void corruptMedia(String mediaId) {
    media(mediaId).corrupt = true;
  }

  /** Adds a comment on a media, or a reply when {@code parentId} is a top-level comment's id. */
  public String addComment(
      String mediaId,
      String parentId,
      String text,
      String fromId,
      String username,
      Instant timestamp) {
    media(mediaId);
    if (parentId != null && comment(parentId).parentId != null) {
      throw new IllegalArgumentException("Instagram replies answer top-level comments only");
    }
    String id = Long.toString(sequence.incrementAndGet());
    comments.put(id, new Comment(id, mediaId, parentId, text, fromId, username, timestamp));
    return id;
  }

  /** Hides or unhides a comment (it stays listed, with {@code hidden: true}). */
  public void hideComment(String commentId, boolean hidden) {
    comment(commentId).hidden = hidden;
  }

  /** Deletes a comment: it and its replies disappear. */
  public void deleteComment(String commentId) {
    comment(commentId).deleted = true;
  }

  /** Makes the comment come back with a {@code timestamp} that is not a time. */
  public void corruptComment(String commentId) {
    comment(commentId).corrupt = true;
  }

  /**
   * Adds a direct message to the conversation between the account and {@code participantId}
   * (created if new); {@code fromAccount} for the account's own answer. Returns the message id.
   */
  public String addMessage(
      String igUserId,
      String participantId,
      String participantUsername,
      boolean fromAccount,
      String text,
      Instant created) {
    account(igUserId);
    Conversation conversation =
        conversations.computeIfAbsent(
            igUserId + ":" + participantId,
            key ->
                new Conversation(
                    "aWdfY29udjo" + sequence.incrementAndGet(),
                    igUserId,
                    participantId,
                    participantUsername));
    String id = "aWdfbWlkOj" + sequence.incrementAndGet();
    conversation.messages.add(
        fromAccount
            ? new Message(id, igUserId, "trust", participantId, text, created)
            : new Message(id, participantId, participantUsername, igUserId, text, created));
    return id;
  }

  /** How many replies {@code /comments} embeds per comment before {@code paging.next} (25). */
  public void setEmbeddedReplies(int count) {
    this.embeddedReplies = count;
  }

  // ---- faults and observation ----

  /** The next request (any path) is answered with {@code fault}. */
  public FakeInstagram failNext(InstagramFault fault) {
    return failNext(1, fault);
  }

  /** The next {@code times} requests (any path) are answered with {@code fault}. */
  public FakeInstagram failNext(int times, InstagramFault fault) {
    for (int i = 0; i < times; i++) {
      faults.add(new ScheduledFault(fault, path -> true));
    }
    return this;
  }

  /** The next request whose path contains {@code pathPart} is answered with {@code fault}. */
  public FakeInstagram failNextMatching(String pathPart, InstagramFault fault) {
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
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange, st -> requests.add(new RecordedRequest(System.nanoTime(), path, query, st)));
    exchange.setAttribute(RECORDING, recording);
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
      if (fault.fault() instanceof InstagramFault.Slow slow) {
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
    Account owner = ownerOf(objectId, edge);
    if (owner == null) {
      return send(
          exchange,
          400,
          error(
              "Unsupported get request. Object with ID '"
                  + objectId
                  + "' does not exist, cannot be loaded due to missing permissions, or does not"
                  + " support this operation.",
              "GraphMethodException",
              100,
              33),
          Map.of());
    }
    if (!token.equals(owner.token())) {
      return send(
          exchange,
          400,
          error("Error validating access token: Session has expired", "OAuthException", 190, 463),
          Map.of());
    }
    String base = baseUrl() + "/" + version + "/" + objectId + "/" + edge;
    Object body =
        switch (edge) {
          case "media" -> mediaPage(objectId, query, base);
          case "comments" -> commentsPage(objectId, query, base);
          case "replies" -> repliesPage(objectId, query, base);
          default -> conversationsPage(owner, query, base);
        };
    return send(exchange, 200, JsonText.write(body), usageHeaders());
  }

  private Map<String, Object> mediaPage(String igUserId, Map<String, String> query, String base) {
    List<Media> visible =
        media.values().stream()
            .filter(m -> m.igUserId.equals(igUserId) && !m.deleted)
            .sorted(
                Comparator.comparing((Media m) -> m.timestamp).reversed().thenComparing(m -> m.id))
            .toList();
    return page(visible, m -> m.id, this::mediaJson, query, base);
  }

  private Map<String, Object> commentsPage(String mediaId, Map<String, String> query, String base) {
    boolean withReplies = query.getOrDefault("fields", "").contains("replies");
    List<Comment> visible =
        comments.values().stream()
            .filter(c -> c.mediaId.equals(mediaId) && c.parentId == null && !c.deleted)
            .sorted(
                Comparator.comparing((Comment c) -> c.timestamp)
                    .reversed()
                    .thenComparing(c -> c.id))
            .toList();
    return page(
        visible,
        c -> c.id,
        c -> {
          Map<String, Object> json = commentJson(c);
          if (withReplies) {
            List<Comment> replies = replies(c.id);
            if (!replies.isEmpty()) {
              Map<String, String> replyQuery = new LinkedHashMap<>();
              replyQuery.put("limit", Integer.toString(embeddedReplies));
              json.put(
                  "replies",
                  page(
                      replies,
                      r -> r.id,
                      this::commentJson,
                      replyQuery,
                      baseUrl() + "/" + base.split("/")[3] + "/" + c.id + "/replies"));
            }
          }
          return json;
        },
        query,
        base);
  }

  private Map<String, Object> repliesPage(
      String commentId, Map<String, String> query, String base) {
    return page(replies(commentId), c -> c.id, this::commentJson, query, base);
  }

  private List<Comment> replies(String commentId) {
    return comments.values().stream()
        .filter(c -> commentId.equals(c.parentId) && !c.deleted)
        .sorted(Comparator.comparing((Comment c) -> c.timestamp).thenComparing(c -> c.id))
        .toList();
  }

  private Map<String, Object> conversationsPage(
      Account owner, Map<String, String> query, String base) {
    // Without platform=instagram the Page's conversations are Messenger's: none here.
    boolean instagram = "instagram".equals(query.get("platform"));
    List<Conversation> visible =
        conversations.values().stream()
            .filter(c -> instagram && c.igUserId.equals(owner.igUserId()))
            .sorted(Comparator.comparing(Conversation::updated).reversed().thenComparing(c -> c.id))
            .toList();
    return page(visible, c -> c.id, this::conversationJson, query, base);
  }

  private <T> Map<String, Object> page(
      List<T> items,
      Function<T, String> idOf,
      Function<T, Map<String, Object>> json,
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

  private Map<String, Object> mediaJson(Media m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", m.id);
    if (m.caption != null) {
      json.put("caption", m.caption);
    }
    json.put("permalink", "https://www.instagram.com/p/Fake" + m.id + "/");
    json.put("timestamp", m.corrupt ? "last tuesday" : GRAPH_TIME.format(m.timestamp));
    json.put(
        "comments_count",
        comments.values().stream().filter(c -> c.mediaId.equals(m.id) && !c.deleted).count());
    return json;
  }

  private Map<String, Object> commentJson(Comment c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id);
    json.put("text", c.text);
    json.put("timestamp", c.corrupt ? "soon" : GRAPH_TIME.format(c.timestamp));
    json.put("username", c.username);
    json.put("from", Map.of("id", c.fromId, "username", c.username));
    json.put("hidden", c.hidden);
    json.put("like_count", 0);
    if (c.parentId != null) {
      json.put("parent_id", c.parentId);
    }
    return json;
  }

  private Map<String, Object> conversationJson(Conversation c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id);
    json.put("updated_time", GRAPH_TIME.format(c.updated()));
    json.put(
        "participants",
        Map.of(
            "data",
            List.of(
                Map.of("username", "trust", "id", c.igUserId),
                Map.of("username", c.participantUsername, "id", c.participantId))));
    List<Object> messages = new ArrayList<>();
    c.messages.stream()
        .sorted(Comparator.comparing(Message::created).reversed())
        .limit(MESSAGES_PER_CONVERSATION)
        .forEach(
            m -> {
              Map<String, Object> message = new LinkedHashMap<>();
              message.put("id", m.id());
              message.put("created_time", GRAPH_TIME.format(m.created()));
              message.put("from", Map.of("username", m.fromUsername(), "id", m.fromId()));
              message.put("to", Map.of("data", List.of(Map.of("id", m.toId()))));
              message.put("message", m.text() == null ? "" : m.text());
              messages.add(message);
            });
    json.put("messages", Map.of("data", messages));
    return json;
  }

  private int sendFault(HttpExchange exchange, InstagramFault fault) throws IOException {
    if (fault instanceof InstagramFault.GraphRateLimit limit) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(
          "X-Business-Use-Case-Usage",
          "{\"17841400000000000\":[{\"type\":\"instagram\",\"call_count\":100,"
              + "\"total_cputime\":100,\"total_time\":100,\"estimated_time_to_regain_access\":"
              + limit.regainMinutes()
              + "}]}");
      headers.put("X-App-Usage", "{\"call_count\":100,\"total_cputime\":100,\"total_time\":100}");
      int status = limit.code() == 32 || limit.code() >= 80000 ? 403 : 400;
      return send(
          exchange,
          status,
          error(
              "(#" + limit.code() + ") Application request limit reached",
              "OAuthException",
              limit.code(),
              null),
          headers);
    }
    if (fault instanceof InstagramFault.TooManyRequests tooMany) {
      return send(
          exchange,
          429,
          error("Too many requests", "OAuthException", 4, null),
          Map.of("Retry-After", Integer.toString(tooMany.retryAfterSeconds())));
    }
    if (fault instanceof InstagramFault.ServerError server) {
      return send(
          exchange,
          server.status(),
          error("Service temporarily unavailable", "OAuthException", 2, null),
          Map.of());
    }
    if (fault instanceof InstagramFault.MissingData) {
      return send(exchange, 200, "{\"paging\":{}}", usageHeaders());
    }
    return send(
        exchange, 200, "{\"data\": [{\"id\": \"1\", \"text\": \"unterminated", usageHeaders());
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
    // Recorded before the first byte leaves: the JDK server may deliver a fixed-length body to the
    // client before the stream's close() runs, and a test asks right after its call returns.
    if (exchange.getAttribute(RECORDING) instanceof ExchangeRecording recording) {
      recording.recordIfNot(status);
    }
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

  /** The account an edge of {@code objectId} belongs to, or null when there is no such object. */
  private Account ownerOf(String objectId, String edge) {
    switch (edge) {
      case "media" -> {
        return accounts.get(objectId);
      }
      case "comments" -> {
        Media m = media.get(objectId);
        return m == null || m.deleted ? null : accounts.get(m.igUserId);
      }
      case "replies" -> {
        Comment c = comments.get(objectId);
        if (c == null || c.deleted || c.parentId != null) {
          return null;
        }
        return accounts.get(media.get(c.mediaId).igUserId);
      }
      default -> {
        return accounts.values().stream()
            .filter(a -> a.pageId().equals(objectId))
            .findFirst()
            .orElse(null);
      }
    }
  }

  private static String token(HttpExchange exchange, Map<String, String> query) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return header.substring("Bearer ".length()).strip();
    }
    return query.get("access_token");
  }

  private Account account(String igUserId) {
    Account account = accounts.get(igUserId);
    if (account == null) {
      throw new IllegalArgumentException("no such account: " + igUserId);
    }
    return account;
  }

  private Media media(String mediaId) {
    Media m = media.get(mediaId);
    if (m == null) {
      throw new IllegalArgumentException("no such media: " + mediaId);
    }
    return m;
  }

  private Comment comment(String commentId) {
    Comment c = comments.get(commentId);
    if (c == null) {
      throw new IllegalArgumentException("no such comment: " + commentId);
    }
    return c;
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
