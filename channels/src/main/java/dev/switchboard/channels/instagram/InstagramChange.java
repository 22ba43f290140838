package dev.switchboard.channels.instagram;

import java.time.Instant;

/**
 * One notification of an {@code instagram} webhook: a comment ({@code entry[].changes[]}, field
 * {@code comments} or {@code live_comments}) or a direct message ({@code entry[].messaging[]}).
 *
 * @param type what it is
 * @param accountId the account notified ({@code entry[].id}: the IG account, for some setups the
 *     linked Page)
 * @param id the comment id, or the message's {@code mid}
 * @param mediaId the media a comment is on, null for a message
 * @param parentId the comment a reply answers, else null
 * @param participantId for a message, the person the account talks with (the sender, or for the
 *     account's own message, an echo, the recipient); null for a comment
 * @param fromId the author's Instagram-scoped id, may be null
 * @param fromName the author's username, may be null (messages carry none)
 * @param text the text, null when there is none (an attachment, a deletion)
 * @param time the message's {@code timestamp}, else the entry's {@code time}
 * @param deleted whether it says the message was unsent ({@code is_deleted})
 * @param echo whether the account itself sent the message ({@code is_echo})
 * @param raw the change's {@code value}, or the messaging object, as JSON
 */
public record InstagramChange(
    Type type,
    String accountId,
    String id,
    String mediaId,
    String parentId,
    String participantId,
    String fromId,
    String fromName,
    String text,
    Instant time,
    boolean deleted,
    boolean echo,
    String raw) {

  /** What the notification is about. */
  public enum Type {
    /** A comment or reply on the account's media ({@code comments}). */
    COMMENT,
    /** A comment on the account's live broadcast ({@code live_comments}). */
    LIVE_COMMENT,
    /** A direct message ({@code messaging[].message}). */
    MESSAGE
  }
}
