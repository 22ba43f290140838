package dev.switchboard.channels.instagram;

import dev.switchboard.channels.facebook.GraphTime;
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
 * Reads an Instagram business account through the Instagram Graph API on {@code
 * graph.facebook.com}: its media (newest first), each media's top-level comments with the first
 * page of their replies embedded, further pages of replies, and its direct messages through the
 * linked Page's conversations ({@code platform=instagram}). The token travels in the {@code
 * Authorization} header, never in a URL that could be logged. Errors and usage headers are Graph's,
 * so build the {@link PlatformHttp} with {@code new GraphRules("instagram")}: retries, rate limits
 * and the circuit are its. An answer not in the documented shape is {@link
 * PlatformException.Kind#MALFORMED_RESPONSE}; a single broken item is left out and counted in
 * {@link InstagramPage#malformedItems()}.
 */
public final class InstagramClient {

  /** The Graph API version used unless configured otherwise. */
  public static final String DEFAULT_VERSION = "v21.0";

  static final String MEDIA_FIELDS = "id,caption,permalink,timestamp,comments_count";
  static final String COMMENT_FIELDS =
      "id,text,timestamp,username,from,hidden,like_count,parent_id";
  static final String COMMENTS_WITH_REPLIES = COMMENT_FIELDS + ",replies{" + COMMENT_FIELDS + "}";
  static final String CONVERSATION_FIELDS =
      "id,updated_time,participants,messages{id,created_time,from,to,message}";

  private final PlatformHttp http;
  private final String version;

  /**
   * A client over {@code http} (built with {@code GraphRules}) for Graph version {@code version}.
   */
  public InstagramClient(PlatformHttp http, String version) {
    this.http = http;
    this.version = version;
  }

  /** One page of the account's media, newest first. */
  public InstagramPage<InstagramMedia> media(
      String igUserId, String token, String after, int limit) {
    JsonNode body = get("/" + igUserId + "/media", query(MEDIA_FIELDS, after, limit), token);
    List<InstagramMedia> items = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : data(body).values()) {
      Optional<InstagramMedia> media = media(node);
      if (media.isPresent()) {
        items.add(media.get());
      } else {
        malformed++;
      }
    }
    return new InstagramPage<>(items, malformed, after(body), hasNext(body), List.of());
  }

  /**
   * One page of a media's top-level comments, each followed by the first page of its replies. The
   * comments whose replies go on are listed in {@link InstagramPage#repliesToFollow()}.
   */
  public InstagramPage<InstagramComment> comments(
      String mediaId, String token, String after, int limit) {
    JsonNode body =
        get("/" + mediaId + "/comments", query(COMMENTS_WITH_REPLIES, after, limit), token);
    List<InstagramComment> items = new ArrayList<>();
    List<String> follow = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : data(body).values()) {
      Optional<InstagramComment> top = comment(node, mediaId, null, true);
      if (top.isEmpty()) {
        malformed++;
        continue;
      }
      items.add(top.get());
      JsonNode replies = Json.child(node, "replies");
      JsonNode replyData = Json.child(replies, "data");
      if (replyData == null) {
        continue;
      }
      if (!replyData.isArray()) {
        malformed++;
        continue;
      }
      for (JsonNode reply : replyData.values()) {
        Optional<InstagramComment> parsed = comment(reply, mediaId, top.get().id(), false);
        if (parsed.isPresent()) {
          items.add(parsed.get());
        } else {
          malformed++;
        }
      }
      if (hasNext(replies)) {
        follow.add(top.get().id());
      }
    }
    return new InstagramPage<>(items, malformed, after(body), hasNext(body), follow);
  }

  /**
   * One page of the replies to top-level comment {@code commentId} on media {@code mediaId}. To
   * read on after the embedded first page, pass {@code after = null}: the first page comes again
   * and its replies are simply already known.
   */
  public InstagramPage<InstagramComment> replies(
      String commentId, String mediaId, String token, String after, int limit) {
    JsonNode body = get("/" + commentId + "/replies", query(COMMENT_FIELDS, after, limit), token);
    List<InstagramComment> items = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : data(body).values()) {
      Optional<InstagramComment> reply = comment(node, mediaId, commentId, false);
      if (reply.isPresent()) {
        items.add(reply.get());
      } else {
        malformed++;
      }
    }
    return new InstagramPage<>(items, malformed, after(body), hasNext(body), List.of());
  }

  /**
   * One page of the account's Instagram conversations, read through the linked Page {@code pageId}
   * with a Page token, most recently active first, flattened into their messages (Instagram gives
   * only the most recent messages of each conversation). {@code igUserId} tells the account's own
   * messages from the other person's.
   */
  public InstagramPage<InstagramMessage> conversations(
      String pageId, String igUserId, String token, String after, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("platform", "instagram");
    query.putAll(query(CONVERSATION_FIELDS, after, limit));
    JsonNode body = get("/" + pageId + "/conversations", query, token);
    List<InstagramMessage> messages = new ArrayList<>();
    int malformed = 0;
    for (JsonNode conversation : data(body).values()) {
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
      String participant = participant(conversation, igUserId);
      for (JsonNode node : inner.values()) {
        Optional<InstagramMessage> message =
            message(node, conversationId, igUserId, participant, updated.get());
        if (message.isPresent()) {
          messages.add(message.get());
        } else {
          malformed++;
        }
      }
    }
    return new InstagramPage<>(messages, malformed, after(body), hasNext(body), List.of());
  }

  private static Optional<InstagramMedia> media(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> time = GraphTime.parse(Json.text(node, "timestamp"));
    JsonNode caption = Json.child(node, "caption");
    if (blank(id) || time.isEmpty() || (caption != null && !caption.isString())) {
      return Optional.empty();
    }
    return Optional.of(
        new InstagramMedia(
            id,
            caption == null ? null : caption.getStringValue(),
            Json.text(node, "permalink"),
            time.get(),
            integer(Json.text(node, "comments_count")),
            Json.write(node)));
  }

  /** The comment, or empty when it lacks an id, a readable timestamp or has a non-text text. */
  private static Optional<InstagramComment> comment(
      JsonNode node, String mediaId, String parentId, boolean dropReplies) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> time = GraphTime.parse(Json.text(node, "timestamp"));
    JsonNode text = Json.child(node, "text");
    if (blank(id) || time.isEmpty() || (text != null && !text.isString())) {
      return Optional.empty();
    }
    JsonNode from = Json.child(node, "from");
    String username = Json.text(node, "username");
    String reported = Json.text(node, "parent_id");
    return Optional.of(
        new InstagramComment(
            id,
            mediaId,
            parentId != null ? parentId : reported,
            text == null ? null : text.getStringValue(),
            Json.text(from, "id"),
            username != null ? username : Json.text(from, "username"),
            time.get(),
            "true".equals(Json.text(node, "hidden")),
            integer(Json.text(node, "like_count")),
            Json.write(dropReplies ? without(node, "replies") : node)));
  }

  private static Optional<InstagramMessage> message(
      JsonNode node,
      String conversationId,
      String igUserId,
      String participant,
      Instant conversationUpdated) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> created = GraphTime.parse(Json.text(node, "created_time"));
    JsonNode text = Json.child(node, "message");
    if (blank(id) || created.isEmpty() || (text != null && !text.isString())) {
      return Optional.empty();
    }
    JsonNode from = Json.child(node, "from");
    String fromId = Json.text(from, "id");
    String other = participant;
    if (other == null) {
      // Without participants, the other side is whoever of from/to is not the account.
      other =
          fromId != null && !fromId.equals(igUserId)
              ? fromId
              : firstId(Json.child(Json.child(node, "to"), "data"), igUserId);
    }
    if (other == null) {
      return Optional.empty();
    }
    return Optional.of(
        new InstagramMessage(
            id,
            conversationId,
            other,
            fromId,
            Json.text(from, "username"),
            text == null || text.getStringValue().isEmpty() ? null : text.getStringValue(),
            created.get(),
            conversationUpdated,
            Json.write(node)));
  }

  /** The conversation's other participant from {@code participants.data}, or null. */
  private static String participant(JsonNode conversation, String igUserId) {
    return firstId(Json.child(Json.child(conversation, "participants"), "data"), igUserId);
  }

  private static String firstId(JsonNode list, String except) {
    if (list == null || !list.isArray()) {
      return null;
    }
    for (JsonNode node : list.values()) {
      String id = Json.text(node, "id");
      if (id != null && !id.equals(except)) {
        return id;
      }
    }
    return null;
  }

  private static JsonNode without(JsonNode node, String field) {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.entries()) {
      if (!field.equals(e.getKey())) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return JsonNode.createObjectNode(copy);
  }

  private static Map<String, String> query(String fields, String after, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", fields);
    query.put("limit", Integer.toString(limit));
    if (after != null) {
      query.put("after", after);
    }
    return query;
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

  private JsonNode data(JsonNode body) {
    JsonNode data = Json.child(body, "data");
    if (data == null || !data.isArray()) {
      throw malformed(200, "the answer has no data array");
    }
    return data;
  }

  private static String after(JsonNode body) {
    return Json.text(Json.child(Json.child(body, "paging"), "cursors"), "after");
  }

  private static boolean hasNext(JsonNode body) {
    return Json.text(Json.child(body, "paging"), "next") != null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static int integer(String value) {
    try {
      return value == null ? -1 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
