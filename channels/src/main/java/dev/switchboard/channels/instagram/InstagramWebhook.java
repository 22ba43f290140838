package dev.switchboard.channels.instagram;

import dev.switchboard.channels.facebook.GraphTime;
import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code instagram} webhook's payload: {@code {"object":"instagram","entry":[{"id","time",
 * "changes":[{"field":"comments","value":{...}}],"messaging":[{...}]}]}}. The handshake and the
 * {@code X-Hub-Signature-256} check are the same as the Page webhook's ({@code
 * FeedWebhook.handshake}, {@code HubSignature}); verify the signature over the raw body before
 * calling {@link #parse(byte[])}. Times may be epoch seconds or milliseconds (messaging uses
 * milliseconds); both are read.
 */
public final class InstagramWebhook {

  /** Above this an epoch number is milliseconds, not seconds (seconds reach it in year 5138). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private InstagramWebhook() {}

  /**
   * The comments and messages in a webhook body. Other fields ({@code mentions}, {@code
   * story_insights}...) and other messaging events (reads, reactions, postbacks) are left out.
   *
   * @throws MalformedWebhookException when the body is not an Instagram notification of the
   *     documented shape; the message names what, never content
   */
  public static List<InstagramChange> parse(byte[] body) throws MalformedWebhookException {
    JsonNode root =
        Json.parse(body)
            .filter(JsonNode::isObject)
            .orElseThrow(() -> new MalformedWebhookException("the body is not a JSON object"));
    if (!"instagram".equals(Json.text(root, "object"))) {
      throw new MalformedWebhookException("object must be \"instagram\"");
    }
    JsonNode entries = Json.child(root, "entry");
    if (entries == null || !entries.isArray()) {
      throw new MalformedWebhookException("entry must be an array");
    }
    List<InstagramChange> out = new ArrayList<>();
    for (JsonNode entry : entries.values()) {
      if (!entry.isObject()) {
        throw new MalformedWebhookException("entry[] must be objects");
      }
      String accountId = Json.text(entry, "id");
      if (accountId == null || accountId.isBlank()) {
        throw new MalformedWebhookException("entry[].id is missing");
      }
      Instant entryTime = time(Json.text(entry, "time")).orElse(null);
      JsonNode changes = Json.child(entry, "changes");
      if (changes != null) {
        if (!changes.isArray()) {
          throw new MalformedWebhookException("entry[].changes must be an array");
        }
        for (JsonNode change : changes.values()) {
          String field = Json.text(change, "field");
          if ("comments".equals(field) || "live_comments".equals(field)) {
            out.add(comment(accountId, entryTime, field, Json.child(change, "value")));
          }
        }
      }
      JsonNode messaging = Json.child(entry, "messaging");
      if (messaging != null) {
        if (!messaging.isArray()) {
          throw new MalformedWebhookException("entry[].messaging must be an array");
        }
        for (JsonNode event : messaging.values()) {
          message(accountId, entryTime, event).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static InstagramChange comment(
      String accountId, Instant entryTime, String field, JsonNode value)
      throws MalformedWebhookException {
    if (value == null || !value.isObject()) {
      throw new MalformedWebhookException("changes[].value must be an object");
    }
    String id = Json.text(value, "id");
    String mediaId = Json.text(Json.child(value, "media"), "id");
    if (id == null || id.isBlank() || mediaId == null || mediaId.isBlank()) {
      throw new MalformedWebhookException("a comment change needs id and media.id");
    }
    JsonNode text = Json.child(value, "text");
    if (text != null && !text.isString()) {
      throw new MalformedWebhookException("changes[].value.text must be a string");
    }
    Instant when = time(Json.text(value, "timestamp")).orElse(entryTime);
    if (when == null) {
      throw new MalformedWebhookException("neither timestamp nor entry time is a time");
    }
    JsonNode from = Json.child(value, "from");
    return new InstagramChange(
        "live_comments".equals(field)
            ? InstagramChange.Type.LIVE_COMMENT
            : InstagramChange.Type.COMMENT,
        accountId,
        id,
        mediaId,
        Json.text(value, "parent_id"),
        null,
        Json.text(from, "id"),
        Json.text(from, "username"),
        text == null ? null : text.getStringValue(),
        when,
        false,
        false,
        Json.write(value));
  }

  private static Optional<InstagramChange> message(
      String accountId, Instant entryTime, JsonNode event) throws MalformedWebhookException {
    if (event == null || !event.isObject()) {
      throw new MalformedWebhookException("messaging[] must be objects");
    }
    JsonNode message = Json.child(event, "message");
    if (message == null) {
      // Reads, reactions, postbacks, referrals: nothing Switchboard keeps.
      return Optional.empty();
    }
    if (!message.isObject()) {
      throw new MalformedWebhookException("messaging[].message must be an object");
    }
    String mid = Json.text(message, "mid");
    String sender = Json.text(Json.child(event, "sender"), "id");
    String recipient = Json.text(Json.child(event, "recipient"), "id");
    if (mid == null || mid.isBlank() || sender == null) {
      throw new MalformedWebhookException("a message needs message.mid and sender.id");
    }
    JsonNode text = Json.child(message, "text");
    if (text != null && !text.isString()) {
      throw new MalformedWebhookException("messaging[].message.text must be a string");
    }
    boolean echo = "true".equals(Json.text(message, "is_echo"));
    String participant = echo ? recipient : sender;
    if (participant == null) {
      throw new MalformedWebhookException("an echo needs recipient.id");
    }
    Instant when = time(Json.text(event, "timestamp")).orElse(entryTime);
    if (when == null) {
      throw new MalformedWebhookException("neither timestamp nor entry time is a time");
    }
    return Optional.of(
        new InstagramChange(
            InstagramChange.Type.MESSAGE,
            accountId,
            mid,
            null,
            null,
            participant,
            sender,
            null,
            text == null ? null : text.getStringValue(),
            when,
            "true".equals(Json.text(message, "is_deleted")),
            echo,
            Json.write(event)));
  }

  /** Epoch seconds or milliseconds, or a Graph time string. */
  static Optional<Instant> time(String value) {
    if (value != null && !value.isBlank() && value.strip().chars().allMatch(Character::isDigit)) {
      try {
        long number = Long.parseLong(value.strip());
        return Optional.of(
            number >= MILLIS_THRESHOLD
                ? Instant.ofEpochMilli(number)
                : Instant.ofEpochSecond(number));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return GraphTime.parse(value);
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
