package dev.switchboard.channels.youtube;

import java.time.Instant;

/**
 * One YouTube comment (a thread's top-level comment or a reply) as the API returned it.
 *
 * @param id the comment id
 * @param threadId the id of the thread it belongs to (the top-level comment's id)
 * @param parentId the top-level comment a reply answers, null for a top-level comment
 * @param videoId the video it is on, may be null for a channel discussion comment
 * @param text {@code textOriginal} when present (plain text), else {@code textDisplay}
 * @param authorChannelId the author's channel id, may be null
 * @param authorName the author's display name, may be null
 * @param publishedAt when it was posted
 * @param updatedAt when it was last changed (equals {@code publishedAt} when never edited)
 * @param moderationStatus the status it was listed under ({@code published}...)
 * @param raw the comment's JSON as parsed from the answer (replies: the reply object; top-level:
 *     the whole thread without its replies)
 */
public record YouTubeComment(
    String id,
    String threadId,
    String parentId,
    String videoId,
    String text,
    String authorChannelId,
    String authorName,
    Instant publishedAt,
    Instant updatedAt,
    String moderationStatus,
    String raw) {

  /** Whether YouTube says it changed after it was posted. */
  public boolean edited() {
    return updatedAt != null && updatedAt.isAfter(publishedAt);
  }

  /** The later of posted and updated: the comment's last activity. */
  public Instant lastActivity() {
    return edited() ? updatedAt : publishedAt;
  }
}
