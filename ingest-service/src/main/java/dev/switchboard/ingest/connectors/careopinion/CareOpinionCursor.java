package dev.switchboard.ingest.connectors.careopinion;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a service's polling stands, stored as JSON in the cursor topic: the newest publication time
 * a completed pass saw, the unfinished pass (if any), and a fingerprint of each story still inside
 * the re-read window with its responses' fingerprints, so a later pass knows what is new, what
 * changed and what went. No text is stored.
 *
 * @param highWater the newest {@code dateOfPublication} (epoch ms) a completed pass saw, or null
 * @param pass the unfinished pass, or null between passes
 * @param known the stories inside the window by id
 */
public record CareOpinionCursor(Long highWater, Pass pass, Map<String, Known> known) {

  /**
   * An unfinished pass.
   *
   * @param floor the {@code publishedafter} of the pass (epoch ms)
   * @param skip the {@code skip} of the next page to read
   * @param seen the ids of the stories the pass has read so far
   */
  public record Pass(long floor, int skip, Set<String> seen) {

    /** Copies the set, sorted. */
    public Pass {
      seen = Set.copyOf(new TreeSet<>(seen));
    }
  }

  /**
   * What the connector last published of one story.
   *
   * @param publishedAt its {@code dateOfPublication} (epoch ms)
   * @param fingerprint digest of its title, body, criticality and progress
   * @param responses digest of each response's text, by response id
   */
  public record Known(long publishedAt, String fingerprint, Map<String, String> responses) {

    /** Copies the map. */
    public Known {
      responses = Map.copyOf(responses);
    }
  }

  /** Nothing read yet. */
  public static final CareOpinionCursor START = new CareOpinionCursor(null, null, Map.of());

  /** Copies the map. */
  public CareOpinionCursor {
    known = Map.copyOf(known);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (highWater != null) {
      out.put("highWater", JsonNode.createNumberNode(highWater));
    }
    if (pass != null) {
      Map<String, JsonNode> p = new LinkedHashMap<>();
      p.put("floor", JsonNode.createNumberNode(pass.floor()));
      p.put("skip", JsonNode.createNumberNode(pass.skip()));
      List<JsonNode> seen = new ArrayList<>();
      new TreeSet<>(pass.seen()).forEach(id -> seen.add(JsonNode.createStringNode(id)));
      p.put("seen", JsonNode.createArrayNode(seen));
      out.put("pass", JsonNode.createObjectNode(p));
    }
    Map<String, JsonNode> stories = new LinkedHashMap<>();
    new TreeMap<>(known)
        .forEach(
            (id, k) -> {
              Map<String, JsonNode> story = new LinkedHashMap<>();
              story.put("p", JsonNode.createNumberNode(k.publishedAt()));
              story.put("f", JsonNode.createStringNode(k.fingerprint()));
              Map<String, JsonNode> responses = new LinkedHashMap<>();
              new TreeMap<>(k.responses())
                  .forEach((rid, f) -> responses.put(rid, JsonNode.createStringNode(f)));
              story.put("r", JsonNode.createObjectNode(responses));
              stories.put(id, JsonNode.createObjectNode(story));
            });
    out.put("known", JsonNode.createObjectNode(stories));
    return Json.write(JsonNode.createObjectNode(out));
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<CareOpinionCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    try {
      Long highWater = number(Json.text(node.get(), "highWater"));
      Pass pass = null;
      JsonNode p = Json.child(node.get(), "pass");
      if (p != null) {
        Set<String> seen = new TreeSet<>();
        JsonNode ids = Json.child(p, "seen");
        if (ids != null && ids.isArray()) {
          ids.values().forEach(id -> seen.add(id.coerceStringValue()));
        }
        pass =
            new Pass(
                Long.parseLong(Json.text(p, "floor")),
                Integer.parseInt(Json.text(p, "skip")),
                seen);
      }
      Map<String, Known> known = new LinkedHashMap<>();
      JsonNode stories = Json.child(node.get(), "known");
      if (stories != null && stories.isObject()) {
        for (Map.Entry<String, JsonNode> e : stories.entries()) {
          Map<String, String> responses = new LinkedHashMap<>();
          JsonNode r = Json.child(e.getValue(), "r");
          if (r != null && r.isObject()) {
            for (Map.Entry<String, JsonNode> re : r.entries()) {
              responses.put(re.getKey(), re.getValue().coerceStringValue());
            }
          }
          known.put(
              e.getKey(),
              new Known(
                  Long.parseLong(Json.text(e.getValue(), "p")),
                  Json.text(e.getValue(), "f"),
                  responses));
        }
      }
      return Optional.of(new CareOpinionCursor(highWater, pass, known));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Long number(String value) {
    return value == null ? null : Long.valueOf(value);
  }
}
