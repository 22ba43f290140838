package dev.switchboard.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Page {@code feed} webhook bodies as Facebook sends them: {@code {"object":"page",
 * "entry":[{"id","time","changes":[{"field":"feed","value":{...}}]}]}}, with {@code item}, {@code
 * verb}, {@code post_id}, {@code comment_id}, {@code parent_id}, {@code from}, {@code message} and
 * {@code created_time} in epoch seconds. Sign the result with the app secret to deliver it.
 */
public final class FacebookWebhooks {

  private final String pageId;
  private final List<Object> changes = new ArrayList<>();

  private FacebookWebhooks(String pageId) {
    this.pageId = pageId;
  }

  /** A body for the Page {@code pageId}. */
  public static FacebookWebhooks forPage(String pageId) {
    return new FacebookWebhooks(pageId);
  }

  /**
   * Adds a comment change: {@code verb} as Facebook spells it ({@code add}, {@code edited}, {@code
   * edit}, {@code remove}, {@code hide}...); {@code parentId} is the post for a top-level comment.
   */
  public FacebookWebhooks comment(
      String verb,
      String postId,
      String commentId,
      String parentId,
      String message,
      String fromId,
      String fromName,
      Instant createdTime) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", Map.of("id", fromId, "name", fromName));
    value.put("item", "comment");
    value.put("comment_id", commentId);
    value.put("post_id", postId);
    value.put("parent_id", parentId);
    value.put("verb", verb);
    value.put("created_time", createdTime.getEpochSecond());
    if (message != null) {
      value.put("message", message);
    }
    changes.add(Map.of("field", "feed", "value", value));
    return this;
  }

  /** Adds a post change ({@code item} = {@code status} for a text post, or {@code post}). */
  public FacebookWebhooks post(
      String item,
      String verb,
      String postId,
      String message,
      String fromId,
      String fromName,
      Instant createdTime) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", Map.of("id", fromId, "name", fromName));
    value.put("item", item);
    value.put("post_id", postId);
    value.put("verb", verb);
    value.put("published", 1);
    value.put("created_time", createdTime.getEpochSecond());
    if (message != null) {
      value.put("message", message);
    }
    changes.add(Map.of("field", "feed", "value", value));
    return this;
  }

  /** Adds a change of any shape, e.g. an item kind Switchboard does not know. */
  public FacebookWebhooks rawChange(Map<String, Object> value) {
    changes.add(Map.of("field", "feed", "value", value));
    return this;
  }

  /** The JSON body, entry time {@code time}. */
  public String json(Instant time) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", pageId);
    entry.put("time", time.getEpochSecond());
    entry.put("changes", changes);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", "page");
    body.put("entry", List.of(entry));
    return JsonText.write(body);
  }
}
