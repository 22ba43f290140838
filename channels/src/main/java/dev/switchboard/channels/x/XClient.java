package dev.switchboard.channels.x;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import dev.switchboard.channels.http.XRules;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the X API v2: the mentions timeline of an account ({@code GET /2/users/:id/mentions} with
 * {@code since_id}, {@code pagination_token}, the tweet fields a conversation needs and {@code
 * expansions=author_id}) and its direct message events ({@code GET /2/dm_events}, {@code
 * MessageCreate} only, user-context token). Retries, rate limits and the circuit are {@link
 * PlatformHttp}'s (built with {@link XRules}); besides, when an answer says {@code
 * x-rate-limit-remaining: 0}, further calls to that endpoint for that account fail at once with
 * {@link Kind#RATE_LIMITED} and the wait until {@code x-rate-limit-reset}, instead of spending a
 * request on a 429. A 200 carrying only {@code errors[]} (an unknown user id) is {@link
 * Kind#PERMANENT}; an answer not in the documented shape is {@link Kind#MALFORMED_RESPONSE}; a
 * single broken post or event is left out and counted; partial errors are handed back.
 */
public final class XClient {

  /** The tweet fields requested: what threading, authorship and edits need. */
  public static final String TWEET_FIELDS =
      "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,"
          + "edit_history_tweet_ids";

  /** The DM event fields requested. */
  public static final String DM_EVENT_FIELDS =
      "id,text,event_type,created_at,sender_id,dm_conversation_id,participant_ids";

  private final PlatformHttp http;
  private final Clock clock;
  private final Map<String, Instant> exhaustedUntil = new ConcurrentHashMap<>();

  /** A client over {@code http}, whose base URL is {@code https://api.x.com}. */
  public XClient(PlatformHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * One page of the posts mentioning {@code userId}, newest first, only those newer than {@code
   * sinceId} (when given).
   *
   * @param maxResults 5–100, as X allows
   */
  public XMentionsPage mentions(
      String userId, XToken token, String sinceId, String paginationToken, int maxResults) {
    if (maxResults < 5 || maxResults > 100) {
      throw new IllegalArgumentException("X allows 5 to 100 mentions per page");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("max_results", Integer.toString(maxResults));
    query.put("tweet.fields", TWEET_FIELDS);
    query.put("expansions", "author_id");
    query.put("user.fields", "username,name");
    if (sinceId != null) {
      query.put("since_id", sinceId);
    }
    if (paginationToken != null) {
      query.put("pagination_token", paginationToken);
    }
    String path = "/2/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/mentions";
    JsonNode body = call("mentions:" + userId, path + "?" + encode(query), token);
    JsonNode meta = Json.child(body, "meta");
    List<XPartialError> partial = partialErrors(body);
    JsonNode data = Json.child(body, "data");
    if (meta == null && data == null && !partial.isEmpty()) {
      // X answers an unknown or suspended user with 200 and only errors[].
      XPartialError first = partial.get(0);
      throw new PlatformException(
          Kind.PERMANENT, http.platform(), 200, first.type(), first.title(), null, null);
    }
    if (meta == null || !meta.isObject() || (data != null && !data.isArray())) {
      throw malformed("the answer has no meta object or its data is not an array");
    }
    Map<String, JsonNode> users = users(body);
    List<XPost> posts = new ArrayList<>();
    int malformed = 0;
    if (data != null) {
      for (JsonNode node : data.values()) {
        Optional<XPost> post = post(node, users);
        if (post.isPresent()) {
          posts.add(post.get());
        } else {
          malformed++;
        }
      }
    }
    return new XMentionsPage(
        posts,
        malformed,
        partial,
        Json.text(meta, "newest_id"),
        Json.text(meta, "oldest_id"),
        count(Json.text(meta, "result_count"), posts.size() + malformed),
        Json.text(meta, "next_token"));
  }

  /**
   * One page of the account's {@code MessageCreate} events of the last 30 days, newest first. The
   * token must be the account's user-context token; an app-only token or one without DM access
   * gives 403 ({@link Kind#PERMANENT}).
   *
   * @param accountKey which account the token is, to keep its rate-limit window apart
   * @param maxResults 1–100
   */
  public XDirectMessagePage directMessages(
      String accountKey, XToken token, String paginationToken, int maxResults) {
    if (maxResults < 1 || maxResults > 100) {
      throw new IllegalArgumentException("X allows 1 to 100 DM events per page");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("event_types", "MessageCreate");
    query.put("dm_event.fields", DM_EVENT_FIELDS);
    query.put("max_results", Integer.toString(maxResults));
    if (paginationToken != null) {
      query.put("pagination_token", paginationToken);
    }
    JsonNode body = call("dm_events:" + accountKey, "/2/dm_events?" + encode(query), token);
    JsonNode meta = Json.child(body, "meta");
    JsonNode data = Json.child(body, "data");
    List<XPartialError> partial = partialErrors(body);
    if (meta == null || !meta.isObject() || (data != null && !data.isArray())) {
      throw malformed("the answer has no meta object or its data is not an array");
    }
    List<XDirectMessage> messages = new ArrayList<>();
    int malformed = 0;
    if (data != null) {
      for (JsonNode node : data.values()) {
        String type = Json.text(node, "event_type");
        if (type != null && !"MessageCreate".equals(type)) {
          continue;
        }
        Optional<XDirectMessage> message = message(node);
        if (message.isPresent()) {
          messages.add(message.get());
        } else {
          malformed++;
        }
      }
    }
    return new XDirectMessagePage(messages, malformed, partial, Json.text(meta, "next_token"));
  }

  private JsonNode call(String limitKey, String pathAndQuery, XToken token) {
    Instant until = exhaustedUntil.get(limitKey);
    Instant now = clock.instant();
    if (until != null && now.isBefore(until)) {
      throw new PlatformException(
          Kind.RATE_LIMITED,
          http.platform(),
          0,
          "rate-limit-exhausted",
          "no requests left in this window",
          Duration.between(now, until),
          null);
    }
    PlatformResponse response = http.get(pathAndQuery, token.headers());
    Optional<Duration> exhausted = XRules.exhaustedFor(response, clock);
    if (exhausted.isPresent()) {
      exhaustedUntil.put(limitKey, clock.instant().plus(exhausted.get()));
    } else {
      exhaustedUntil.remove(limitKey);
    }
    return Json.parse(response.body())
        .filter(JsonNode::isObject)
        .orElseThrow(() -> malformed("the answer is not a JSON object"));
  }

  private static Map<String, JsonNode> users(JsonNode body) {
    Map<String, JsonNode> users = new HashMap<>();
    JsonNode list = Json.child(Json.child(body, "includes"), "users");
    if (list != null && list.isArray()) {
      for (JsonNode user : list.values()) {
        String id = Json.text(user, "id");
        if (id != null) {
          users.put(id, user);
        }
      }
    }
    return users;
  }

  /** The post, or empty when it lacks a valid id, its text or a readable {@code created_at}. */
  private static Optional<XPost> post(JsonNode node, Map<String, JsonNode> users) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    String text = Json.text(node, "text");
    Optional<Instant> created = time(Json.text(node, "created_at"));
    if (!XIds.valid(id) || text == null || created.isEmpty()) {
      return Optional.empty();
    }
    List<String> history = new ArrayList<>();
    JsonNode edits = Json.child(node, "edit_history_tweet_ids");
    if (edits != null && edits.isArray()) {
      for (JsonNode edit : edits.values()) {
        String editId = edit.isString() ? edit.getStringValue() : null;
        if (!XIds.valid(editId)) {
          return Optional.empty();
        }
        history.add(editId);
      }
    }
    String repliedTo = null;
    JsonNode references = Json.child(node, "referenced_tweets");
    if (references != null && references.isArray()) {
      for (JsonNode reference : references.values()) {
        if ("replied_to".equals(Json.text(reference, "type"))) {
          repliedTo = Json.text(reference, "id");
        }
      }
    }
    String authorId = Json.text(node, "author_id");
    JsonNode author = authorId == null ? null : users.get(authorId);
    return Optional.of(
        new XPost(
            id,
            text,
            authorId,
            Json.text(author, "username"),
            Json.text(author, "name"),
            created.get(),
            Json.text(node, "conversation_id"),
            Json.text(node, "in_reply_to_user_id"),
            repliedTo,
            history,
            Json.write(node)));
  }

  /** The message, or empty when it lacks a valid id, a sender or a readable {@code created_at}. */
  private static Optional<XDirectMessage> message(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    String sender = Json.text(node, "sender_id");
    Optional<Instant> created = time(Json.text(node, "created_at"));
    if (!XIds.valid(id) || sender == null || created.isEmpty()) {
      return Optional.empty();
    }
    List<String> participants = new ArrayList<>();
    JsonNode list = Json.child(node, "participant_ids");
    if (list != null && list.isArray()) {
      for (JsonNode participant : list.values()) {
        if (participant.isString()) {
          participants.add(participant.getStringValue());
        }
      }
    }
    String text = Json.text(node, "text");
    return Optional.of(
        new XDirectMessage(
            id,
            text == null ? "" : text,
            sender,
            Json.text(node, "dm_conversation_id"),
            participants,
            created.get(),
            Json.write(node)));
  }

  private static List<XPartialError> partialErrors(JsonNode body) {
    List<XPartialError> errors = new ArrayList<>();
    JsonNode list = Json.child(body, "errors");
    if (list != null && list.isArray()) {
      for (JsonNode error : list.values()) {
        errors.add(
            new XPartialError(
                XRules.problemType(Json.text(error, "type")),
                Json.text(error, "title"),
                Json.text(error, "resource_type"),
                Json.text(error, "resource_id")));
      }
    }
    return errors;
  }

  /** An RFC 3339 time as X writes it ({@code 2026-11-25T10:30:00.000Z}). */
  static Optional<Instant> time(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static int count(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String encode(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private PlatformException malformed(String what) {
    return new PlatformException(
        Kind.MALFORMED_RESPONSE, http.platform(), 200, null, what, null, null);
  }
}
