package dev.switchboard.ingest.connectors.facebook;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.Optional;

/**
 * Where a Page's polling stands, stored as JSON in the cursor topic.
 *
 * @param postsSince poll posts created at or after this (epoch s); null = from the start
 * @param postsAfter the Graph {@code after} cursor of the last page fully published in an
 *     unfinished pass, null between passes
 * @param pendingSince the newest post time seen in the unfinished pass (the next {@code postsSince}
 *     minus one once it completes), null between passes
 * @param messagesSince Messenger messages created at or after this (epoch s); null = from the start
 */
public record FacebookCursor(
    Long postsSince, String postsAfter, Long pendingSince, Long messagesSince) {

  /** A cursor that starts from {@code since} (epoch s) for posts and messages alike. */
  public static FacebookCursor startingAt(Long since) {
    return new FacebookCursor(since, null, null, since);
  }

  /** The cursor as stored. */
  public String encode() {
    StringBuilder json = new StringBuilder("{");
    append(json, "postsSince", postsSince == null ? null : postsSince.toString());
    append(json, "postsAfter", postsAfter == null ? null : quote(postsAfter));
    append(json, "pendingSince", pendingSince == null ? null : pendingSince.toString());
    append(json, "messagesSince", messagesSince == null ? null : messagesSince.toString());
    return json.append('}').toString();
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<FacebookCursor> decode(String stored) {
    return Json.parse(stored)
        .filter(JsonNode::isObject)
        .map(
            node ->
                new FacebookCursor(
                    number(Json.text(node, "postsSince")),
                    Json.text(node, "postsAfter"),
                    number(Json.text(node, "pendingSince")),
                    number(Json.text(node, "messagesSince"))));
  }

  private static void append(StringBuilder json, String name, String value) {
    if (value == null) {
      return;
    }
    if (json.length() > 1) {
      json.append(',');
    }
    json.append('"').append(name).append("\":").append(value);
  }

  private static String quote(String value) {
    // Graph cursors are base64url; anything else is escaped minimally but safely.
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
