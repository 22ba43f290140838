package dev.switchboard.channels.x;

import java.time.Instant;
import java.util.List;

/**
 * One post of the mentions timeline as X returned it.
 *
 * @param id the post's id (an edit is a new id)
 * @param text the post's text as X gives it
 * @param authorId the author's user id
 * @param authorUsername the author's handle without {@code @}, null when X could not expand it
 * @param authorName the author's display name, null when X could not expand it
 * @param createdAt when this version was posted
 * @param conversationId the id of the post that started the conversation
 * @param inReplyToUserId the user the post answers, null when it answers nobody
 * @param repliedToId the post it replies to ({@code referenced_tweets} of type {@code replied_to}),
 *     null when it is not a reply
 * @param editHistoryIds every version's id, oldest first: the original and then each edit
 * @param raw the post's JSON object as parsed from the answer
 */
public record XPost(
    String id,
    String text,
    String authorId,
    String authorUsername,
    String authorName,
    Instant createdAt,
    String conversationId,
    String inReplyToUserId,
    String repliedToId,
    List<String> editHistoryIds,
    String raw) {

  /** Copies the list. */
  public XPost {
    editHistoryIds = List.copyOf(editHistoryIds);
  }

  /** The id of the first version: the post's own id unless it is an edit. */
  public String originalId() {
    return editHistoryIds.isEmpty() ? id : editHistoryIds.get(0);
  }

  /** Whether this is an edited version of an earlier post. */
  public boolean edit() {
    return !originalId().equals(id);
  }
}
