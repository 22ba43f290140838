package dev.switchboard.ingest.connectors.feeds;

import dev.switchboard.channels.feeds.FeedItem;
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

/**
 * Maps feed items to {@link ChannelEvent}s: channel RSS, item type ARTICLE, account = the feed's
 * configured name, platform id and thread root = the item's identity (guid/id, or link). The text
 * is the title and the body, cleaned of HTML; its {@link Revisions} fingerprint tells a changed
 * item from an unchanged one.
 */
public final class FeedNormalizer {

  private FeedNormalizer() {}

  /** The cleaned text of {@code item}: title, a blank line, body. */
  public static String text(FeedItem item) {
    String title = TextCleaner.clean(item.title());
    String body = TextCleaner.clean(item.body());
    if (title == null || title.isEmpty()) {
      return body;
    }
    return body == null || body.isEmpty() ? title : title + "\n\n" + body;
  }

  /** The fingerprint of {@code item}'s content, as the cursor keeps it. */
  public static int fingerprint(FeedItem item) {
    return Revisions.ofEdit(text(item));
  }

  /** The CREATED (revision 0) or EDITED (revision = fingerprint) event of {@code item}. */
  public static ChannelEvent event(
      String feedName, FeedItem item, EventKind kind, Instant receivedAt) {
    String text = text(item);
    int revision = kind == EventKind.CREATED ? 0 : Revisions.ofEdit(text);
    String itemId = Ids.itemId(Channel.RSS, feedName, item.identity());
    Instant created =
        item.published() != null
            ? item.published()
            : item.updated() != null ? item.updated() : receivedAt;
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.RSS, feedName, item.identity()),
        Channel.RSS,
        feedName,
        item.identity(),
        kind,
        revision,
        ItemType.ARTICLE,
        item.identity(),
        null,
        item.author() == null ? null : new Author(null, item.author(), null, null),
        text,
        item.link(),
        created,
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        item.raw());
  }
}
