package dev.switchboard.channels.facebook;

import java.time.Instant;

/**
 * One post, comment or Messenger message as Graph returned it.
 *
 * @param type what it is
 * @param id the Graph id
 * @param containerId the post a comment is on, the conversation a message is in, null for a post
 * @param parentId the comment a reply answers, null otherwise
 * @param message the text as Graph gives it (may be null for a photo without caption)
 * @param fromId the author's id (app-scoped), may be null when Graph withholds it
 * @param fromName the author's name, may be null
 * @param createdTime when it was created
 * @param updatedTime when it was last edited (posts; conversation's last activity for messages)
 * @param permalink the link to it on Facebook, may be null
 * @param raw the item's JSON exactly as parsed from Graph's answer
 */
public record GraphItem(
    Type type,
    String id,
    String containerId,
    String parentId,
    String message,
    String fromId,
    String fromName,
    Instant createdTime,
    Instant updatedTime,
    String permalink,
    String raw) {

  /** What kind of Graph object the item is. */
  public enum Type {
    POST,
    COMMENT,
    MESSAGE
  }

  /** Whether Graph says it changed after it was created (posts only: comments carry no time). */
  public boolean edited() {
    return type == Type.POST && updatedTime != null && updatedTime.isAfter(createdTime);
  }
}
