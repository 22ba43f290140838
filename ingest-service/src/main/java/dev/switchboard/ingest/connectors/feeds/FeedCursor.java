package dev.switchboard.ingest.connectors.feeds;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a feed's polling stands, stored as JSON in the cursor topic.
 *
 * @param etag the {@code ETag} of the last document fully published, null before
 * @param lastModified its {@code Last-Modified}, null before
 * @param seen the content fingerprint of each item identity already published
 */
public record FeedCursor(String etag, String lastModified, Map<String, Integer> seen) {

  /** Nothing read yet. */
  public static final FeedCursor START = new FeedCursor(null, null, Map.of());

  /** Copies the map. */
  public FeedCursor {
    seen = Map.copyOf(seen);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (etag != null) {
      out.put("etag", JsonNode.createStringNode(etag));
    }
    if (lastModified != null) {
      out.put("lastModified", JsonNode.createStringNode(lastModified));
    }
    Map<String, JsonNode> items = new LinkedHashMap<>();
    seen.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> items.put(e.getKey(), JsonNode.createNumberNode(e.getValue())));
    out.put("seen", JsonNode.createObjectNode(items));
    return Json.write(JsonNode.createObjectNode(out));
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<FeedCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    JsonNode items = Json.child(node.get(), "seen");
    if (items != null && items.isObject()) {
      for (Map.Entry<String, JsonNode> e : items.entries()) {
        if (e.getValue().isNumber()) {
          seen.put(e.getKey(), e.getValue().getIntValue());
        }
      }
    }
    return Optional.of(
        new FeedCursor(Json.text(node.get(), "etag"), Json.text(node.get(), "lastModified"), seen));
  }
}
