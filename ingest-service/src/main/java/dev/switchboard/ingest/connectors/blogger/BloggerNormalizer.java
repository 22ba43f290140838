package dev.switchboard.ingest.connectors.blogger;

import dev.switchboard.channels.blogger.BloggerComment;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;

/**
 * Maps Blogger comments to {@link ChannelEvent}s: account = the blog id, thread root = the post,
 * parent = {@code inReplyTo} or the post. Pending and spam comments are public items (written in
 * public) with their status in {@code raw}; an {@code emptied} comment (content removed) is
 * DELETED.
 */
public final class BloggerNormalizer {

  private BloggerNormalizer() {}

  /** The event for {@code comment} of {@code kind}; {@code text} is the cleaned content. */
  public static ChannelEvent event(
      String blogId,
      BloggerComment comment,
      String text,
      EventKind kind,
      int revision,
      Instant receivedAt) {
    String itemId = Ids.itemId(Channel.BLOGGER, blogId, comment.id());
    boolean reply = comment.inReplyToId() != null;
    Author author =
        comment.authorId() == null && comment.authorName() == null
            ? null
            : new Author(comment.authorId(), comment.authorName(), null, comment.authorUrl());
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.BLOGGER, blogId, comment.postId()),
        Channel.BLOGGER,
        blogId,
        comment.id(),
        kind,
        revision,
        reply ? ItemType.REPLY : ItemType.COMMENT,
        comment.postId(),
        reply ? comment.inReplyToId() : comment.postId(),
        author,
        kind == EventKind.DELETED ? null : text,
        null,
        comment.published(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        comment.raw());
  }
}
