package dev.switchboard.ingest.connectors.wordpress;

import dev.switchboard.channels.wordpress.WordPressComment;
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
 * Maps WordPress comments to {@link ChannelEvent}s. The account is the blog's configured id; the
 * thread root is the post ({@code post}); the parent is the replied-to comment, or the post for a
 * top-level comment (as for Facebook and the {@code wordpress-comments} import, so the three
 * agree). Every status is a public comment to Switchboard: a held, spam or trashed comment was
 * still written in public, and its status stays in {@code raw}.
 */
public final class WordPressNormalizer {

  private WordPressNormalizer() {}

  /**
   * The event for {@code comment} of {@code kind}: CREATED with revision 0, EDITED with the
   * revision {@code Revisions.ofEdit(text)}; {@code text} is the cleaned {@code content.rendered}.
   */
  public static ChannelEvent event(
      String blogId,
      WordPressComment comment,
      String text,
      EventKind kind,
      int revision,
      Instant receivedAt) {
    String itemId = Ids.itemId(Channel.WORDPRESS, blogId, comment.id());
    boolean reply = comment.parentId() != null;
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.WORDPRESS, blogId, comment.postId()),
        Channel.WORDPRESS,
        blogId,
        comment.id(),
        kind,
        revision,
        reply ? ItemType.REPLY : ItemType.COMMENT,
        comment.postId(),
        reply ? comment.parentId() : comment.postId(),
        author(comment),
        text,
        comment.link(),
        comment.dateGmt(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        comment.raw());
  }

  private static Author author(WordPressComment comment) {
    String name = blankIsNull(comment.authorName());
    // Visitors type their website by hand; only a real link is kept as the profile (raw keeps all).
    String url = blankIsNull(comment.authorUrl());
    String link = url != null && url.matches("(?i)https?://\\S+") ? url : null;
    if (comment.authorUserId() == null && name == null && link == null) {
      return null;
    }
    return new Author(comment.authorUserId(), name, null, link);
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
