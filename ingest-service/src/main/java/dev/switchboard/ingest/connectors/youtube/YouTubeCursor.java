package dev.switchboard.ingest.connectors.youtube;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a channel's polling stands, per moderation status, stored as JSON in the cursor topic.
 *
 * @param statuses the position of each moderation status polled
 */
public record YouTubeCursor(Map<String, Position> statuses) {

  /**
   * One moderation status's position.
   *
   * @param since the last activity (epoch ms) of the newest comment published by a completed pass;
   *     only comments active after it are new; null = from the start
   * @param pageToken the {@code nextPageToken} after the last page fully published in an unfinished
   *     pass, null between passes
   * @param pending the newest activity (epoch ms) seen in the unfinished pass, null between passes
   */
  public record Position(Long since, String pageToken, Long pending) {

    /** Nothing read yet. */
    public static final Position START = new Position(null, null, null);
  }

  /** Copies the map. */
  public YouTubeCursor {
    statuses = Map.copyOf(statuses);
  }

  /** The position of {@code status}, the start when never polled. */
  public Position of(String status) {
    return statuses.getOrDefault(status, Position.START);
  }

  /** A copy with {@code status} at {@code position}. */
  public YouTubeCursor with(String status, Position position) {
    Map<String, Position> next = new LinkedHashMap<>(statuses);
    next.put(status, position);
    return new YouTubeCursor(next);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    statuses.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Map<String, JsonNode> position = new LinkedHashMap<>();
              if (e.getValue().since() != null) {
                position.put("since", JsonNode.createNumberNode(e.getValue().since()));
              }
              if (e.getValue().pageToken() != null) {
                position.put("pageToken", JsonNode.createStringNode(e.getValue().pageToken()));
              }
              if (e.getValue().pending() != null) {
                position.put("pending", JsonNode.createNumberNode(e.getValue().pending()));
              }
              out.put(e.getKey(), JsonNode.createObjectNode(position));
            });
    return Json.write(JsonNode.createObjectNode(out));
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<YouTubeCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Position> statuses = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.get().entries()) {
      JsonNode p = e.getValue();
      statuses.put(
          e.getKey(),
          new Position(
              number(Json.text(p, "since")),
              Json.text(p, "pageToken"),
              number(Json.text(p, "pending"))));
    }
    return Optional.of(new YouTubeCursor(statuses));
  }

  private static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
