package dev.switchboard.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code instagram} webhook bodies as Meta sends them: {@code {"object":"instagram",
 * "entry":[{"id","time","changes":[{"field":"comments","value":{"id","text","from":{"id",
 * "username"},"media":{"id","media_product_type"},"parent_id"}}],"messaging":[{"sender",
 * "recipient","timestamp","message":{"mid","text","is_echo","is_deleted"}}]}]}}, entry time in
 * epoch seconds, messaging timestamps in milliseconds. Sign the result with the app secret.
 */
public final class InstagramWebhooks {

  private final String accountId;
  private final List<Object> changes = new ArrayList<>();
  private final List<Object> messaging = new ArrayList<>();

  private InstagramWebhooks(String accountId) {
    this.accountId = accountId;
  }

  /** A body for the Instagram account {@code igUserId}. */
  public static InstagramWebhooks forAccount(String igUserId) {
    return new InstagramWebhooks(igUserId);
  }

  /** Adds a {@code comments} change; {@code parentId} null for a top-level comment. */
  public InstagramWebhooks comment(
      String commentId,
      String mediaId,
      String parentId,
      String text,
      String fromId,
      String username) {
    return comment("comments", commentId, mediaId, parentId, text, fromId, username);
  }

  /** Adds a change of {@code field} ({@code comments} or {@code live_comments}). */
  public InstagramWebhooks comment(
      String field,
      String commentId,
      String mediaId,
      String parentId,
      String text,
      String fromId,
      String username) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", Map.of("id", fromId, "username", username));
    value.put(
        "media",
        Map.of(
            "id", mediaId, "media_product_type", field.equals("live_comments") ? "LIVE" : "FEED"));
    value.put("id", commentId);
    if (parentId != null) {
      value.put("parent_id", parentId);
    }
    value.put("text", text);
    changes.add(Map.of("field", field, "value", value));
    return this;
  }

  /** Adds a direct message from {@code senderId} to the account. */
  public InstagramWebhooks message(String mid, String senderId, String text, Instant time) {
    return messaging(senderId, accountId, time, messageBody(mid, text, false, false));
  }

  /** Adds the account's own message to {@code recipientId} ({@code is_echo}). */
  public InstagramWebhooks echo(String mid, String recipientId, String text, Instant time) {
    return messaging(accountId, recipientId, time, messageBody(mid, text, true, false));
  }

  /** Adds {@code senderId} unsending message {@code mid} ({@code is_deleted}). */
  public InstagramWebhooks unsent(String mid, String senderId, Instant time) {
    return messaging(senderId, accountId, time, messageBody(mid, null, false, true));
  }

  /** Adds a read receipt, which carries no message. */
  public InstagramWebhooks read(String senderId, String mid, Instant time) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("sender", Map.of("id", senderId));
    event.put("recipient", Map.of("id", accountId));
    event.put("timestamp", time.toEpochMilli());
    event.put("read", Map.of("mid", mid));
    messaging.add(event);
    return this;
  }

  /** Adds a change of any shape under {@code field}. */
  public InstagramWebhooks rawChange(String field, Map<String, Object> value) {
    changes.add(Map.of("field", field, "value", value));
    return this;
  }

  private static Map<String, Object> messageBody(
      String mid, String text, boolean echo, boolean deleted) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("mid", mid);
    if (text != null) {
      message.put("text", text);
    }
    if (echo) {
      message.put("is_echo", true);
    }
    if (deleted) {
      message.put("is_deleted", true);
    }
    return message;
  }

  private InstagramWebhooks messaging(
      String sender, String recipient, Instant time, Map<String, Object> message) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("sender", Map.of("id", sender));
    event.put("recipient", Map.of("id", recipient));
    event.put("timestamp", time.toEpochMilli());
    event.put("message", message);
    messaging.add(event);
    return this;
  }

  /** The JSON body, entry time {@code time}. */
  public String json(Instant time) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", accountId);
    entry.put("time", time.getEpochSecond());
    if (!changes.isEmpty()) {
      entry.put("changes", changes);
    }
    if (!messaging.isEmpty()) {
      entry.put("messaging", messaging);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", "instagram");
    body.put("entry", List.of(entry));
    return JsonText.write(body);
  }
}
