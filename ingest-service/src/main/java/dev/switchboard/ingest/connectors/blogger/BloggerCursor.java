package dev.switchboard.ingest.connectors.blogger;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a Blogger blog's polling stands, stored as JSON in the cursor topic. {@code listByBlog}
 * filters by publication date only, so a changed or emptied comment can only be seen by reading it
 * again and comparing: the cursor remembers, for each comment still inside the scanned window, the
 * fingerprint of the text last published ({@link
 * dev.switchboard.ingest.connectors.Revisions#ofEdit(String)}; 0 once its content was removed).
 *
 * @param scanFrom each pass reads comments written at or after this; null = from the start
 * @param seen by comment id, what was published of it
 */
public record BloggerCursor(Instant scanFrom, Map<String, Seen> seen) {

  /**
   * What was published of one comment.
   *
   * @param fingerprint the fingerprint of its cleaned text as last published
   * @param writtenAt its {@code published}, epoch seconds (to forget it once outside the window)
   */
  public record Seen(int fingerprint, long writtenAt) {}

  /** Copies the map, sorted so that the stored form is stable. */
  public BloggerCursor {
    seen = Map.copyOf(new TreeMap<>(seen));
  }

  /** A cursor that starts at {@code since} (epoch s), null for everything. */
  public static BloggerCursor startingAt(Long since) {
    return new BloggerCursor(since == null ? null : Instant.ofEpochSecond(since), Map.of());
  }

  /** The cursor as stored. */
  public String encode() {
    StringBuilder json = new StringBuilder("{");
    if (scanFrom != null) {
      json.append("\"scanFrom\":").append(scanFrom.getEpochSecond()).append(',');
    }
    json.append("\"seen\":{");
    boolean first = true;
    for (Map.Entry<String, Seen> e : new TreeMap<>(seen).entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      // Blogger comment ids are numbers; anything else is escaped minimally but safely.
      json.append('"')
          .append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\":[")
          .append(e.getValue().fingerprint())
          .append(',')
          .append(e.getValue().writtenAt())
          .append(']');
    }
    return json.append("}}").toString();
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<BloggerCursor> decode(String stored) {
    Optional<JsonNode> parsed = Json.parse(stored).filter(JsonNode::isObject);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = parsed.get();
    String scanFrom = Json.text(node, "scanFrom");
    JsonNode seenNode = Json.child(node, "seen");
    Map<String, Seen> seen = new TreeMap<>();
    try {
      if (seenNode != null && seenNode.isObject()) {
        for (Map.Entry<String, JsonNode> e : seenNode.entries()) {
          Iterator<JsonNode> values = e.getValue().values().iterator();
          int fingerprint = Integer.parseInt(values.next().coerceStringValue());
          long writtenAt = Long.parseLong(values.next().coerceStringValue());
          seen.put(e.getKey(), new Seen(fingerprint, writtenAt));
        }
      }
      return Optional.of(
          new BloggerCursor(
              scanFrom == null ? null : Instant.ofEpochSecond(Long.parseLong(scanFrom)), seen));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
