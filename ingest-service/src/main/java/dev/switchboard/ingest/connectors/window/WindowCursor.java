package dev.switchboard.ingest.connectors.window;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a {@link WindowedConnector}'s polling stands, stored as JSON in the cursor topic. When a
 * platform gives items no modified date (or no way to ask for changes), an edit can only be seen by
 * reading an item again and comparing: the cursor remembers, for each item still inside the scanned
 * window, the fingerprint of the text last published ({@link
 * dev.switchboard.ingest.connectors.Revisions#ofEdit(String)}; 0 once its content was removed).
 *
 * @param scanFrom each pass reads items written at or after this; null = from the start
 * @param seen by item id, what was published of it
 */
public record WindowCursor(Instant scanFrom, Map<String, Seen> seen) {

  /**
   * What was published of one item.
   *
   * @param fingerprint the fingerprint of its cleaned text as last published
   * @param writtenAt its publication time, epoch seconds (to forget it once outside the window)
   */
  public record Seen(int fingerprint, long writtenAt) {}

  /** Copies the map, sorted so that the stored form is stable. */
  public WindowCursor {
    seen = Map.copyOf(new TreeMap<>(seen));
  }

  /** A cursor that starts at {@code since} (epoch s), null for everything. */
  public static WindowCursor startingAt(Long since) {
    return new WindowCursor(since == null ? null : Instant.ofEpochSecond(since), Map.of());
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
      // Platform ids are numbers or URL-safe tokens; anything else is escaped minimally but safely.
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
  public static Optional<WindowCursor> decode(String stored) {
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
          new WindowCursor(
              scanFrom == null ? null : Instant.ofEpochSecond(Long.parseLong(scanFrom)), seen));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
