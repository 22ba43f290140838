package dev.switchboard.channels.facebook;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Page through the Graph API: its feed (posts, newest first, {@code since} in epoch
 * seconds), each post's comments (with replies: {@code filter=stream}, oldest first) and its
 * Messenger conversations. The Page token travels in the {@code Authorization} header, never in a
 * URL that could be logged. Retries, rate limits and the circuit are {@link PlatformHttp}'s; an
 * answer not in the documented shape is {@link PlatformException.Kind#MALFORMED_RESPONSE}, and a
 * single broken item is left out and counted in {@link GraphPage#malformedItems()}.
 */
public final class GraphClient {

  /** The Graph API version used unless configured otherwise. */
  public static final String DEFAULT_VERSION = "v21.0";

  static final String POST_FIELDS = "id,message,created_time,updated_time,from,permalink_url";
  static final String COMMENT_FIELDS = "id,message,created_time,from,parent{id},permalink_url";
  static final String CONVERSATION_FIELDS =
      "id,updated_time,messages{id,message,created_time,from}";
  private static final String MESSAGE_FIELDS = "id,message,created_time,from";

  private final PlatformHttp http;
  private final String version;

  /**
   * A client over {@code http} (built with {@code GraphRules}) for Graph version {@code version}.
   */
  public GraphClient(PlatformHttp http, String version) {
    this.http = http;
    this.version = version;
  }

  /** One page of the Page's feed: posts created at or after {@code since} (epoch s, nullable). */
  public GraphPage feed(String pageId, String token, Long since, String after, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", POST_FIELDS);
    query.put("limit", Integer.toString(limit));
    if (since != null) {
      query.put("since", Long.toString(since));
    }
    if (after != null) {
      query.put("after", after);
    }
    return page(get("/" + pageId + "/feed", query, token), GraphItem.Type.POST, null);
  }

  /** One page of a post's comments and replies, oldest first. */
  public GraphPage comments(String postId, String token, String after, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", COMMENT_FIELDS);
    query.put("filter", "stream");
    query.put("order", "chronological");
    query.put("limit", Integer.toString(limit));
    if (after != null) {
      query.put("after", after);
    }
    return page(get("/" + postId + "/comments", query, token), GraphItem.Type.COMMENT, postId);
  }

  /**
   * One page of the Page's Messenger conversations, most recently active first, flattened into
   * their messages ({@link GraphItem#containerId()} = conversation id, {@link
   * GraphItem#updatedTime()} = the conversation's last activity). Graph nests only a conversation's
   * newest messages: when more follow and the oldest nested one is not older than {@code
   * messagesSince} (null: all), the rest are read from {@code /{conversation-id}/messages} until
   * one is.
   */
  public GraphPage conversations(
      String pageId, String token, String after, int limit, Instant messagesSince) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", CONVERSATION_FIELDS);
    query.put("limit", Integer.toString(limit));
    if (after != null) {
      query.put("after", after);
    }
    JsonNode body = get("/" + pageId + "/conversations", query, token);
    JsonNode data = data(body);
    List<GraphItem> messages = new ArrayList<>();
    int malformed = 0;
    for (JsonNode conversation : data.values()) {
      String conversationId = Json.text(conversation, "id");
      Optional<Instant> updated = GraphTime.parse(Json.text(conversation, "updated_time"));
      JsonNode inner = Json.child(Json.child(conversation, "messages"), "data");
      if (conversationId == null || updated.isEmpty() || (inner != null && !inner.isArray())) {
        malformed++;
        continue;
      }
      if (inner == null) {
        continue;
      }
      JsonNode nested = Json.child(conversation, "messages");
      GraphPage page = messagesOf(inner, conversationId, updated.get(), nested);
      messages.addAll(page.items());
      malformed += page.malformedItems();
      while (page.hasNext() && page.after() != null && !reachesBefore(page, messagesSince)) {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("fields", MESSAGE_FIELDS);
        more.put("limit", "100");
        more.put("after", page.after());
        JsonNode next = get("/" + conversationId + "/messages", more, token);
        page = messagesOf(data(next), conversationId, updated.get(), next);
        messages.addAll(page.items());
        malformed += page.malformedItems();
      }
    }
    return new GraphPage(messages, malformed, after(body), hasNext(body));
  }

  private static GraphPage messagesOf(
      JsonNode data, String conversationId, Instant updated, JsonNode withPaging) {
    List<GraphItem> items = new ArrayList<>();
    int malformed = 0;
    for (JsonNode message : data.values()) {
      Optional<GraphItem> item = item(message, GraphItem.Type.MESSAGE, conversationId, updated);
      if (item.isPresent()) {
        items.add(item.get());
      } else {
        malformed++;
      }
    }
    return new GraphPage(items, malformed, after(withPaging), hasNext(withPaging));
  }

  /** Whether the page (newest first) holds a message older than {@code since}. */
  private static boolean reachesBefore(GraphPage page, Instant since) {
    return since != null && page.items().stream().anyMatch(m -> m.createdTime().isBefore(since));
  }

  private JsonNode get(String path, Map<String, String> query, String token) {
    StringBuilder uri = new StringBuilder("/").append(version).append(path).append('?');
    boolean first = true;
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (!first) {
        uri.append('&');
      }
      first = false;
      uri.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    PlatformResponse response =
        http.get(
            uri.toString(),
            Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    return Json.parse(response.body())
        .filter(JsonNode::isObject)
        .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON object"));
  }

  private GraphPage page(JsonNode body, GraphItem.Type type, String containerId) {
    JsonNode data = data(body);
    List<GraphItem> items = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : data.values()) {
      Optional<GraphItem> item = item(node, type, containerId, null);
      if (item.isPresent()) {
        items.add(item.get());
      } else {
        malformed++;
      }
    }
    return new GraphPage(items, malformed, after(body), hasNext(body));
  }

  private JsonNode data(JsonNode body) {
    JsonNode data = Json.child(body, "data");
    if (data == null || !data.isArray()) {
      throw malformed(200, "the answer has no data array");
    }
    return data;
  }

  /** The item, or empty when it lacks an id or a readable created_time. */
  private static Optional<GraphItem> item(
      JsonNode node, GraphItem.Type type, String containerId, Instant containerUpdated) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> created = GraphTime.parse(Json.text(node, "created_time"));
    if (id == null || id.isBlank() || created.isEmpty()) {
      return Optional.empty();
    }
    Instant updated =
        containerUpdated != null
            ? containerUpdated
            : GraphTime.parse(Json.text(node, "updated_time")).orElse(null);
    JsonNode from = Json.child(node, "from");
    JsonNode message = Json.child(node, "message");
    if (message != null && !message.isString()) {
      return Optional.empty();
    }
    return Optional.of(
        new GraphItem(
            type,
            id,
            containerId,
            Json.text(Json.child(node, "parent"), "id"),
            message == null ? null : message.getStringValue(),
            Json.text(from, "id"),
            Json.text(from, "name"),
            created.get(),
            updated,
            Json.text(node, "permalink_url"),
            Json.write(node)));
  }

  private static String after(JsonNode body) {
    return Json.text(Json.child(Json.child(body, "paging"), "cursors"), "after");
  }

  private static boolean hasNext(JsonNode body) {
    return Json.text(Json.child(body, "paging"), "next") != null;
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
