package dev.switchboard.channels.facebook;

import java.time.Instant;

/**
 * One {@code feed} change of a Page webhook ({@code entry[].changes[].value}).
 *
 * @param pageId the Page ({@code entry[].id})
 * @param item what changed as Facebook names it, lower case: {@code comment}, {@code post}, {@code
 *     status}, {@code photo}, {@code video}, {@code share}, {@code reaction}...
 * @param verb what happened, normalised from Facebook's spellings
 * @param postId the post the change belongs to
 * @param commentId the comment, for {@code item = comment}, else null
 * @param parentId what a comment answers (the post or a comment), else null
 * @param fromId the author's id, may be null
 * @param fromName the author's name, may be null
 * @param message the text, null when the change carries none (removals)
 * @param createdTime the change's {@code created_time}, or the entry's time when absent
 * @param raw the change's {@code value} object as JSON
 */
public record FeedChange(
    String pageId,
    String item,
    Verb verb,
    String postId,
    String commentId,
    String parentId,
    String fromId,
    String fromName,
    String message,
    Instant createdTime,
    String raw) {

  /** What happened to the item; Facebook spells these inconsistently ("edit"/"edited"). */
  public enum Verb {
    ADD,
    EDIT,
    REMOVE,
    HIDE,
    UNHIDE,
    /** A verb Switchboard does not act on (e.g. {@code block}, {@code mute}). */
    OTHER;

    /** The verb a spelling Facebook uses means. */
    public static Verb of(String spelling) {
      if (spelling == null) {
        return OTHER;
      }
      return switch (spelling.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "add", "added", "create", "created" -> ADD;
        case "edit", "edited", "update", "updated" -> EDIT;
        case "remove", "removed", "delete", "deleted" -> REMOVE;
        case "hide", "hidden" -> HIDE;
        case "unhide", "unhidden" -> UNHIDE;
        default -> OTHER;
      };
    }
  }

  /** The Graph id of the item itself: the comment for a comment, else the post. */
  public String itemId() {
    return commentId != null ? commentId : postId;
  }

  /** Whether this is a comment (as opposed to a post of some kind). */
  public boolean isComment() {
    return "comment".equals(item);
  }
}
