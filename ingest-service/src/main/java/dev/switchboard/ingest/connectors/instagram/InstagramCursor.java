package dev.switchboard.ingest.connectors.instagram;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where an account's polling stands, stored as JSON in the cursor topic. Instagram's comments edge
 * has no {@code since} and comments carry no edit time, so the cursor remembers, for each media of
 * the window polled, the comments already published (with the comment each reply answers): a
 * comment not among them is new, one among them that Instagram no longer lists was deleted.
 *
 * @param media per media id, the comments published: comment id to the top-level comment it
 *     answers, {@code ""} for a top-level comment
 * @param messagesSince the creation time (epoch s) of the newest direct message published; null =
 *     none yet
 * @param messagesAtSince the ids of the messages published that were created in that second
 */
public record InstagramCursor(
    Map<String, Map<String, String>> media, Long messagesSince, Set<String> messagesAtSince) {

  /** Nothing read yet. */
  public static final InstagramCursor START = new InstagramCursor(Map.of(), null, Set.of());

  /** Copies, sorted, so equal cursors encode equally. */
  public InstagramCursor {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    media.forEach((id, comments) -> copy.put(id, new TreeMap<>(comments)));
    media = java.util.Collections.unmodifiableMap(copy);
    messagesAtSince = java.util.Collections.unmodifiableSet(new TreeSet<>(messagesAtSince));
  }

  /** The comments published of {@code mediaId}, empty when never read. */
  public Map<String, String> commentsOf(String mediaId) {
    return media.getOrDefault(mediaId, Map.of());
  }

  /** A copy with {@code mediaId}'s comments replaced by {@code comments}. */
  public InstagramCursor withMedia(String mediaId, Map<String, String> comments) {
    Map<String, Map<String, String>> next = new LinkedHashMap<>(media);
    next.put(mediaId, comments);
    return new InstagramCursor(next, messagesSince, messagesAtSince);
  }

  /** A copy keeping only the media of {@code window}: older media are no longer polled. */
  public InstagramCursor retaining(List<String> window) {
    Map<String, Map<String, String>> next = new LinkedHashMap<>(media);
    next.keySet().retainAll(Set.copyOf(window));
    return new InstagramCursor(next, messagesSince, messagesAtSince);
  }

  /** A copy with the direct messages' position moved. */
  public InstagramCursor withMessages(Long since, Set<String> atSince) {
    return new InstagramCursor(media, since, atSince);
  }

  /** The cursor as stored. */
  public String encode() {
    Map<String, JsonNode> mediaNodes = new LinkedHashMap<>();
    media.forEach(
        (id, comments) -> {
          Map<String, JsonNode> commentNodes = new LinkedHashMap<>();
          comments.forEach((c, parent) -> commentNodes.put(c, JsonNode.createStringNode(parent)));
          mediaNodes.put(id, JsonNode.createObjectNode(commentNodes));
        });
    Map<String, JsonNode> out = new LinkedHashMap<>();
    out.put("media", JsonNode.createObjectNode(mediaNodes));
    if (messagesSince != null) {
      out.put("messagesSince", JsonNode.createNumberNode(messagesSince));
      out.put(
          "messagesAtSince",
          JsonNode.createArrayNode(
              messagesAtSince.stream().map(JsonNode::createStringNode).toList()));
    }
    return Json.write(JsonNode.createObjectNode(out));
  }

  /** The stored cursor, or empty when it is not one (then the connector starts afresh). */
  public static Optional<InstagramCursor> decode(String stored) {
    Optional<JsonNode> node = Json.parse(stored).filter(JsonNode::isObject);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    JsonNode mediaNode = Json.child(node.get(), "media");
    if (mediaNode == null || !mediaNode.isObject()) {
      return Optional.empty();
    }
    Map<String, Map<String, String>> media = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : mediaNode.entries()) {
      if (!m.getValue().isObject()) {
        return Optional.empty();
      }
      Map<String, String> comments = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> c : m.getValue().entries()) {
        comments.put(c.getKey(), c.getValue().isString() ? c.getValue().getStringValue() : "");
      }
      media.put(m.getKey(), comments);
    }
    Long since = null;
    String sinceText = Json.text(node.get(), "messagesSince");
    if (sinceText != null) {
      try {
        since = Long.valueOf(sinceText);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    Set<String> atSince = new TreeSet<>();
    JsonNode ids = Json.child(node.get(), "messagesAtSince");
    if (ids != null && ids.isArray()) {
      for (JsonNode id : ids.values()) {
        if (id.isString()) {
          atSince.add(id.getStringValue());
        }
      }
    }
    return Optional.of(new InstagramCursor(media, since, atSince));
  }
}
