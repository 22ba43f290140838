package dev.switchboard.ingest.connectors.youtube;

import dev.switchboard.channels.youtube.YouTubeComment;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.ingest.connectors.Revisions;
import dev.switchboard.ingest.text.TextCleaner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps YouTube comments to {@link ChannelEvent}s: account = the channel id, thread root = the
 * top-level comment, a reply's parent = the top-level comment. A new comment is CREATED revision 0;
 * an edited one ({@code updatedAt} after {@code publishedAt}) also gives EDITED with a revision
 * from its text ({@link Revisions}), so seeing the same edit twice gives the same eventId and only
 * a changed text gives a new one. The raw payload is YouTube's JSON as received, whose snippet
 * carries {@code moderationStatus} (YouTube returns it to the owner's token).
 */
public final class YouTubeNormalizer {

  private YouTubeNormalizer() {}

  /**
   * The events of {@code comment}: CREATED when {@code created} (it is new to the cursor), and
   * EDITED when YouTube says it was edited.
   */
  public static List<ChannelEvent> events(
      String channelId, YouTubeComment comment, boolean created, Instant receivedAt) {
    List<ChannelEvent> events = new ArrayList<>(2);
    String text = TextCleaner.clean(comment.text());
    if (created) {
      events.add(event(channelId, comment, EventKind.CREATED, 0, text, receivedAt));
    }
    if (comment.edited()) {
      events.add(
          event(channelId, comment, EventKind.EDITED, Revisions.ofEdit(text), text, receivedAt));
    }
    return events;
  }

  private static ChannelEvent event(
      String channelId,
      YouTubeComment comment,
      EventKind kind,
      int revision,
      String text,
      Instant receivedAt) {
    String itemId = Ids.itemId(Channel.YOUTUBE, channelId, comment.id());
    boolean reply = comment.parentId() != null;
    String url =
        comment.videoId() == null
            ? null
            : "https://www.youtube.com/watch?v=" + comment.videoId() + "&lc=" + comment.id();
    Author author =
        comment.authorChannelId() == null && comment.authorName() == null
            ? null
            : new Author(
                comment.authorChannelId(),
                comment.authorName(),
                null,
                comment.authorChannelId() == null
                    ? null
                    : "https://www.youtube.com/channel/" + comment.authorChannelId());
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.YOUTUBE, channelId, comment.threadId()),
        Channel.YOUTUBE,
        channelId,
        comment.id(),
        kind,
        revision,
        reply ? ItemType.REPLY : ItemType.COMMENT,
        comment.threadId(),
        reply ? comment.parentId() : null,
        author,
        text,
        url,
        comment.publishedAt(),
        receivedAt,
        // Held and likely-spam comments are still public comments awaiting the owner's decision,
        // not private messages; their status is in the raw payload.
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        comment.raw());
  }
}
