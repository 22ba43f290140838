package dev.switchboard.ingest.connectors.x;

import dev.switchboard.channels.x.XDirectMessage;
import dev.switchboard.channels.x.XPost;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Maps X posts and direct messages to {@link ChannelEvent}s. Account = the trust's user id. A post
 * is a MENTION, or a REPLY when it answers the trust's own post ({@code in_reply_to_user_id} is the
 * account); thread root = {@code conversation_id}, parent = the {@code replied_to} post. An edit (a
 * new id whose {@code edit_history_tweet_ids} starts with an earlier one) is EDITED for the
 * original's item, revision = its place in the edit history, so the same edit seen twice is one
 * event; an original never seen (posted and edited between two polls) is CREATED first, with the
 * text X now shows. A direct message is a PRIVATE_MESSAGE, {@link Visibility#PRIVATE}, thread root
 * = {@code dm_conversation_id}. The raw payload is the post's or event's JSON as received.
 */
public final class XNormalizer {

  private XNormalizer() {}

  /**
   * The events of {@code post} for account {@code userId}: CREATED for a new post (or for the
   * original of an edit when {@code originalUnseen}), EDITED for an edit.
   */
  public static List<ChannelEvent> events(
      String userId, XPost post, boolean originalUnseen, Instant receivedAt) {
    List<ChannelEvent> events = new ArrayList<>(2);
    String text = TextCleaner.clean(post.text());
    if (!post.edit() || originalUnseen) {
      events.add(event(userId, post, EventKind.CREATED, 0, text, receivedAt));
    }
    if (post.edit()) {
      int revision = Math.max(1, post.editHistoryIds().indexOf(post.id()));
      events.add(event(userId, post, EventKind.EDITED, revision, text, receivedAt));
    }
    return events;
  }

  private static ChannelEvent event(
      String userId, XPost post, EventKind kind, int revision, String text, Instant receivedAt) {
    String platformId = post.originalId();
    String itemId = Ids.itemId(Channel.X, userId, platformId);
    String root = post.conversationId() == null ? platformId : post.conversationId();
    boolean reply = userId.equals(post.inReplyToUserId());
    Author author =
        new Author(
            post.authorId(),
            post.authorName(),
            post.authorUsername(),
            post.authorUsername() == null ? null : "https://x.com/" + post.authorUsername());
    String url =
        post.authorUsername() == null
            ? "https://x.com/i/web/status/" + post.id()
            : "https://x.com/" + post.authorUsername() + "/status/" + post.id();
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.X, userId, root),
        Channel.X,
        userId,
        platformId,
        kind,
        revision,
        reply ? ItemType.REPLY : ItemType.MENTION,
        root,
        post.repliedToId(),
        author,
        text,
        url,
        post.createdAt(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        post.raw());
  }

  /** The CREATED event of a direct message to or from account {@code userId}: private. */
  public static ChannelEvent event(String userId, XDirectMessage message, Instant receivedAt) {
    String itemId = Ids.itemId(Channel.X, userId, message.id());
    String root = message.conversationId() == null ? message.id() : message.conversationId();
    return new ChannelEvent(
        Ids.eventId(itemId, EventKind.CREATED, 0),
        itemId,
        Ids.conversationKey(Channel.X, userId, root),
        Channel.X,
        userId,
        message.id(),
        EventKind.CREATED,
        0,
        ItemType.PRIVATE_MESSAGE,
        root,
        null,
        new Author(message.senderId(), null, null, null),
        TextCleaner.clean(message.text()),
        message.conversationId() == null
            ? null
            : "https://x.com/messages/" + message.conversationId(),
        message.createdAt(),
        receivedAt,
        Visibility.PRIVATE,
        IngestSource.POLL,
        null,
        null,
        null,
        message.raw());
  }
}
