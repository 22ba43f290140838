package dev.switchboard.ingest.connectors.googlereviews;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a location's polling stands, stored as JSON in the cursor topic. The listing has no
 * deletion feed and no "changed since" filter, so the cursor remembers every review it published
 * (by id, with fingerprints of its content and of the owner's reply): that is how an edit, a new or
 * removed reply, and a review gone from the listing are told apart from "unchanged".
 *
 * @param since the newest {@code updateTime} (epoch ms) published by a completed pass; an
 *     incremental pass stops at the first review updated before it; null = nothing read yet
 * @param lastSweep when (epoch ms, the connector's clock) the last complete listing pass ended
 * @param known every review published and not since deleted, by review id
 * @param pass the unfinished pass, null between passes
 */
public record GoogleReviewsCursor(Long since, Long lastSweep, Map<String, Known> known, Pass pass) {

  /**
   * What was published of one review.
   *
   * @param review the fingerprint ({@code Revisions.ofEdit}) of its cleaned text and stars
   * @param reply the fingerprint of the owner's reply's cleaned text, null when it has none
   * @param missing how many complete listings in a row have not shown it
   */
  public record Known(int review, Integer reply, int missing) {}

  /**
   * A pass not yet finished.
   *
   * @param pageToken the {@code nextPageToken} after the last page fully published
   * @param sweep whether it lists everything (to find deletions) rather than stop at {@code since}
   * @param clean whether every page so far was read whole (no review left out as malformed); a
   *     sweep that was not clean concludes no deletion
   * @param pending the newest {@code updateTime} (epoch ms) seen so far in this pass, or null
   * @param seen the review ids a sweep has listed so far
   */
  public record Pass(
      String pageToken, boolean sweep, boolean clean, Long pending, Set<String> seen) {

    /** Copies the set (sorted, so the stored cursor is stable). */
    public Pass {
      seen = new TreeSet<>(seen);
    }
  }

  /** Nothing read yet. */
  public static final GoogleReviewsCursor START =
      new GoogleReviewsCursor(null, null, Map.of(), null);

  /** Copies the map. */
  public GoogleReviewsCursor {
    known = Map.copyOf(known);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (since != null) {
      out.put("since", JsonNode.createNumberNode(since));
    }
    if (lastSweep != null) {
      out.put("lastSweep", JsonNode.createNumberNode(lastSweep));
    }
    Map<String, JsonNode> reviews = new LinkedHashMap<>();
    known.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Map<String, JsonNode> k = new LinkedHashMap<>();
              k.put("r", JsonNode.createNumberNode(e.getValue().review()));
              if (e.getValue().reply() != null) {
                k.put("p", JsonNode.createNumberNode(e.getValue().reply()));
              }
              if (e.getValue().missing() > 0) {
                k.put("m", JsonNode.createNumberNode(e.getValue().missing()));
              }
              reviews.put(e.getKey(), JsonNode.createObjectNode(k));
            });
    out.put("known", JsonNode.createObjectNode(reviews));
    if (pass != null) {
      Map<String, JsonNode> p = new LinkedHashMap<>();
      if (pass.pageToken() != null) {
        p.put("pageToken", JsonNode.createStringNode(pass.pageToken()));
      }
      p.put("sweep", JsonNode.createBooleanNode(pass.sweep()));
      p.put("clean", JsonNode.createBooleanNode(pass.clean()));
      if (pass.pending() != null) {
        p.put("pending", JsonNode.createNumberNode(pass.pending()));
      }
      List<JsonNode> seen = new ArrayList<>();
      pass.seen().forEach(id -> seen.add(JsonNode.createStringNode(id)));
      p.put("seen", JsonNode.createArrayNode(seen));
      out.put("pass", JsonNode.createObjectNode(p));
    }
    return Json.write(JsonNode.createObjectNode(out));
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<GoogleReviewsCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = node.get();
    JsonNode reviews = Json.child(root, "known");
    if (reviews == null || !reviews.isObject()) {
      return Optional.empty();
    }
    Map<String, Known> known = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : reviews.entries()) {
      Long review = number(Json.text(e.getValue(), "r"));
      if (review == null) {
        return Optional.empty();
      }
      Long reply = number(Json.text(e.getValue(), "p"));
      Long missing = number(Json.text(e.getValue(), "m"));
      known.put(
          e.getKey(),
          new Known(
              review.intValue(),
              reply == null ? null : reply.intValue(),
              missing == null ? 0 : missing.intValue()));
    }
    Pass pass = null;
    JsonNode p = Json.child(root, "pass");
    if (p != null && p.isObject()) {
      Set<String> seen = new TreeSet<>();
      JsonNode ids = Json.child(p, "seen");
      if (ids != null && ids.isArray()) {
        for (JsonNode id : ids.values()) {
          if (id.isString()) {
            seen.add(id.getStringValue());
          }
        }
      }
      pass =
          new Pass(
              Json.text(p, "pageToken"),
              "true".equals(Json.text(p, "sweep")),
              "true".equals(Json.text(p, "clean")),
              number(Json.text(p, "pending")),
              seen);
    }
    return Optional.of(
        new GoogleReviewsCursor(
            number(Json.text(root, "since")), number(Json.text(root, "lastSweep")), known, pass));
  }

  private static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
