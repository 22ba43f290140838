package dev.switchboard.ingest.connectors.x;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an account's polling stands, stored as JSON in the cursor topic: one {@link Position} for
 * the mentions timeline and one for the direct messages.
 *
 * @param mentions the mentions timeline's position
 * @param directMessages the DM events' position
 */
public record XCursor(Position mentions, Position directMessages) {

  /**
   * One timeline's position. X pages come newest first, so {@code since} may only move after a
   * whole pass; the pass in progress is held by {@code pageToken} and {@code pending}.
   *
   * @param since the newest id a completed pass published; only newer ids are new; null = from the
   *     start
   * @param pageToken the {@code next_token} after the last page fully published in an unfinished
   *     pass, null between passes
   * @param pending the newest id seen in the unfinished pass, null between passes
   */
  public record Position(String since, String pageToken, String pending) {

    /** Nothing read yet. */
    public static final Position START = new Position(null, null, null);
  }

  /** Nothing read yet. */
  public static final XCursor START = new XCursor(Position.START, Position.START);

  /** Replaces missing positions by the start. */
  public XCursor {
    mentions = mentions == null ? Position.START : mentions;
    directMessages = directMessages == null ? Position.START : directMessages;
  }

  /** A copy with the mentions at {@code position}. */
  public XCursor withMentions(Position position) {
    return new XCursor(position, directMessages);
  }

  /** A copy with the direct messages at {@code position}. */
  public XCursor withDirectMessages(Position position) {
    return new XCursor(mentions, position);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    out.put("mentions", encode(mentions));
    out.put("directMessages", encode(directMessages));
    return Json.write(JsonNode.createObjectNode(out));
  }

  private static JsonNode encode(Position position) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (position.since() != null) {
      out.put("since", JsonNode.createStringNode(position.since()));
    }
    if (position.pageToken() != null) {
      out.put("pageToken", JsonNode.createStringNode(position.pageToken()));
    }
    if (position.pending() != null) {
      out.put("pending", JsonNode.createStringNode(position.pending()));
    }
    return JsonNode.createObjectNode(out);
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<XCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new XCursor(
            position(Json.child(node.get(), "mentions")),
            position(Json.child(node.get(), "directMessages"))));
  }

  private static Position position(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Position.START;
    }
    return new Position(
        Json.text(node, "since"), Json.text(node, "pageToken"), Json.text(node, "pending"));
  }
}
