package dev.switchboard.channels.instagram;

import java.time.Instant;

/**
 * One comment or reply on the account's media, as the API returned it.
 *
 * @param id the IG comment id
 * @param mediaId the media it is on
 * @param parentId the top-level comment a reply answers, null for a top-level comment
 * @param text the comment's text (Instagram comments cannot be edited, so this never changes)
 * @param fromId the commenter's Instagram-scoped id, may be null when Instagram withholds it
 * @param username the commenter's username, may be null
 * @param timestamp when it was posted
 * @param hidden whether the account has hidden it (still returned to the account)
 * @param likeCount likes, -1 when not given
 * @param raw the comment's JSON as parsed from the answer (a top-level comment without its embedded
 *     {@code replies}: each reply is its own item)
 */
public record InstagramComment(
    String id,
    String mediaId,
    String parentId,
    String text,
    String fromId,
    String username,
    Instant timestamp,
    boolean hidden,
    int likeCount,
    String raw) {

  /** Whether it answers another comment. */
  public boolean isReply() {
    return parentId != null;
  }
}
