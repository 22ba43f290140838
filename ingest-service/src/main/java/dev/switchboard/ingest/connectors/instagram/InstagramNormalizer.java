package dev.switchboard.ingest.connectors.instagram;

import dev.switchboard.channels.instagram.InstagramChange;
import dev.switchboard.channels.instagram.InstagramComment;
import dev.switchboard.channels.instagram.InstagramMessage;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.ingest.text.TextCleaner;
import java.time.Instant;

/**
 * Maps Instagram comments and direct messages to {@link ChannelEvent}s. The account is the IG user
 * id, whichever path an item came by, so a webhook and an overlapping poll give the same itemId
 * and, for the same kind, the same eventId. A comment's thread is its media; a reply's parent is
 * its top-level comment, a top-level comment's the media. A direct message's thread is the person
 * the account talks with (their Instagram-scoped id, known to polls and webhooks alike), and it is
 * {@link Visibility#PRIVATE}. Instagram comments cannot be edited, so there are CREATED (revision
 * 0) and DELETED (revision 0) events only.
 */
public final class InstagramNormalizer {

  private InstagramNormalizer() {}

  /** A polled comment or reply, CREATED; {@code url} is its media's permalink, may be null. */
  public static ChannelEvent comment(
      String igUserId, InstagramComment comment, String url, Instant receivedAt) {
    return event(
        igUserId,
        comment.id(),
        EventKind.CREATED,
        comment.isReply() ? ItemType.REPLY : ItemType.COMMENT,
        comment.mediaId(),
        comment.isReply() ? comment.parentId() : comment.mediaId(),
        author(comment.fromId(), comment.username()),
        TextCleaner.clean(comment.text()),
        url,
        comment.timestamp(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        comment.raw());
  }

  /**
   * A comment a poll no longer finds, DELETED; {@code parentId} is the top-level comment a reply
   * answered, null for a top-level comment. The raw payload records what was observed.
   */
  public static ChannelEvent deletedComment(
      String igUserId, String mediaId, String commentId, String parentId, Instant receivedAt) {
    boolean reply = parentId != null;
    return event(
        igUserId,
        commentId,
        EventKind.DELETED,
        reply ? ItemType.REPLY : ItemType.COMMENT,
        mediaId,
        reply ? parentId : mediaId,
        null,
        null,
        null,
        receivedAt,
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        "{\"id\":\""
            + commentId
            + "\",\"media\":{\"id\":\""
            + mediaId
            + "\"},\"observed\":\"no longer listed by GET /{media-id}/comments\"}");
  }

  /** A polled direct message, CREATED and private. */
  public static ChannelEvent message(
      String igUserId, InstagramMessage message, Instant receivedAt) {
    return event(
        igUserId,
        message.id(),
        EventKind.CREATED,
        ItemType.PRIVATE_MESSAGE,
        message.participantId(),
        null,
        author(message.fromId(), message.fromUsername()),
        TextCleaner.clean(message.text()),
        null,
        message.createdTime(),
        receivedAt,
        Visibility.PRIVATE,
        IngestSource.POLL,
        message.raw());
  }

  /** The event a webhook notification stands for, for the account {@code igUserId}. */
  public static ChannelEvent fromWebhook(
      String igUserId, InstagramChange change, Instant receivedAt) {
    if (change.type() == InstagramChange.Type.MESSAGE) {
      boolean deleted = change.deleted();
      return event(
          igUserId,
          change.id(),
          deleted ? EventKind.DELETED : EventKind.CREATED,
          ItemType.PRIVATE_MESSAGE,
          change.participantId(),
          null,
          author(change.fromId(), change.fromName()),
          deleted ? null : TextCleaner.clean(change.text()),
          null,
          change.time(),
          receivedAt,
          Visibility.PRIVATE,
          IngestSource.WEBHOOK,
          change.raw());
    }
    boolean reply = change.parentId() != null && !change.parentId().equals(change.mediaId());
    return event(
        igUserId,
        change.id(),
        EventKind.CREATED,
        reply ? ItemType.REPLY : ItemType.COMMENT,
        change.mediaId(),
        reply ? change.parentId() : change.mediaId(),
        author(change.fromId(), change.fromName()),
        TextCleaner.clean(change.text()),
        null,
        change.time(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.WEBHOOK,
        change.raw());
  }

  private static ChannelEvent event(
      String igUserId,
      String platformId,
      EventKind kind,
      ItemType type,
      String root,
      String parent,
      Author author,
      String text,
      String url,
      Instant createdAt,
      Instant receivedAt,
      Visibility visibility,
      IngestSource source,
      String raw) {
    String itemId = Ids.itemId(Channel.INSTAGRAM, igUserId, platformId);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, 0),
        itemId,
        Ids.conversationKey(Channel.INSTAGRAM, igUserId, root),
        Channel.INSTAGRAM,
        igUserId,
        platformId,
        kind,
        0,
        type,
        root,
        parent,
        author,
        text,
        url,
        createdAt,
        receivedAt,
        visibility,
        source,
        null,
        null,
        null,
        raw);
  }

  private static Author author(String id, String username) {
    if (id == null && username == null) {
      return null;
    }
    return new Author(
        id, username, username, username == null ? null : "https://www.instagram.com/" + username);
  }
}
