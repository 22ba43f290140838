package dev.switchboard.channels.facebook;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Page {@code feed} webhook: the subscription handshake and the change payload. Verify the
 * {@code X-Hub-Signature-256} over the raw body (see {@code channels.webhook.HubSignature}) before
 * calling {@link #parse(byte[])}.
 */
public final class FeedWebhook {

  private FeedWebhook() {}

  /**
   * The {@code hub.challenge} to echo when the handshake is a subscription with our verify token,
   * else empty (answer 403). The token comparison takes constant time.
   */
  public static Optional<String> handshake(
      String mode, String verifyToken, String challenge, String expectedToken) {
    if (!"subscribe".equals(mode)
        || verifyToken == null
        || challenge == null
        || expectedToken == null
        || expectedToken.isEmpty()) {
      return Optional.empty();
    }
    boolean same =
        MessageDigest.isEqual(
            verifyToken.getBytes(StandardCharsets.UTF_8),
            expectedToken.getBytes(StandardCharsets.UTF_8));
    return same ? Optional.of(challenge) : Optional.empty();
  }

  /**
   * The {@code feed} changes in a webhook body. Changes of other fields ({@code messages}, {@code
   * mention}...) are left out.
   *
   * @throws MalformedWebhookException when the body is not a Page notification of the documented
   *     shape (not UTF-8 text, not JSON, a string holding an unpaired surrogate, {@code object} not
   *     {@code page}, an entry without an {@code id}, a feed change without {@code item} or {@code
   *     post_id})
   */
  public static List<FeedChange> parse(byte[] body) throws MalformedWebhookException {
    if (!Json.isUtf8(body)) {
      throw new MalformedWebhookException(
          "the body is not UTF-8 (overlong forms and encoded surrogates are refused)");
    }
    JsonNode root =
        Json.parse(body)
            .filter(JsonNode::isObject)
            .orElseThrow(() -> new MalformedWebhookException("the body is not a JSON object"));
    if (Json.hasUnpairedSurrogate(root)) {
      throw new MalformedWebhookException(
          "a string holds an unpaired surrogate (\\uD800-\\uDFFF), which is not text");
    }
    if (!"page".equals(Json.text(root, "object"))) {
      throw new MalformedWebhookException("object must be \"page\"");
    }
    JsonNode entries = Json.child(root, "entry");
    if (entries == null || !entries.isArray()) {
      throw new MalformedWebhookException("entry must be an array");
    }
    List<FeedChange> changes = new ArrayList<>();
    for (JsonNode entry : entries.values()) {
      String pageId = Json.text(entry, "id");
      if (pageId == null || pageId.isBlank()) {
        throw new MalformedWebhookException("entry[].id is missing");
      }
      Instant entryTime = GraphTime.parse(Json.text(entry, "time")).orElse(null);
      JsonNode list = Json.child(entry, "changes");
      if (list == null) {
        continue;
      }
      if (!list.isArray()) {
        throw new MalformedWebhookException("entry[].changes must be an array");
      }
      for (JsonNode change : list.values()) {
        if (!"feed".equals(Json.text(change, "field"))) {
          continue;
        }
        changes.add(change(pageId, entryTime, Json.child(change, "value")));
      }
    }
    return changes;
  }

  private static FeedChange change(String pageId, Instant entryTime, JsonNode value)
      throws MalformedWebhookException {
    if (value == null || !value.isObject()) {
      throw new MalformedWebhookException("changes[].value must be an object");
    }
    String item = Json.text(value, "item");
    String postId = Json.text(value, "post_id");
    if (item == null || postId == null) {
      throw new MalformedWebhookException("changes[].value needs item and post_id");
    }
    String commentId = Json.text(value, "comment_id");
    if ("comment".equals(item.toLowerCase(Locale.ROOT)) && commentId == null) {
      throw new MalformedWebhookException("a comment change needs comment_id");
    }
    JsonNode message = Json.child(value, "message");
    if (message != null && !message.isString()) {
      throw new MalformedWebhookException("changes[].value.message must be a string");
    }
    Instant created = GraphTime.parse(Json.text(value, "created_time")).orElse(entryTime);
    if (created == null) {
      throw new MalformedWebhookException("neither created_time nor entry time is a time");
    }
    JsonNode from = Json.child(value, "from");
    return new FeedChange(
        pageId,
        item.toLowerCase(Locale.ROOT),
        FeedChange.Verb.of(Json.text(value, "verb")),
        postId,
        commentId,
        Json.text(value, "parent_id"),
        Json.text(from, "id"),
        Json.text(from, "name"),
        message == null ? null : message.getStringValue(),
        created,
        Json.write(value));
  }

  /** A webhook body that is not in the documented shape; the message names what, never content. */
  public static final class MalformedWebhookException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A shape problem described by {@code message}. */
    public MalformedWebhookException(String message) {
      super(message);
    }
  }
}
