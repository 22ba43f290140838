package dev.switchboard.ingest.connectors.facebook;

import dev.switchboard.channels.facebook.FeedChange;
import dev.switchboard.channels.facebook.GraphItem;
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
import java.util.Optional;
import java.util.Set;

/**
 * Maps Facebook items to {@link ChannelEvent}s. The account is the Page id, because that is all a
 * webhook knows; so a webhook and an overlapping poll give the same itemId, and for the same kind
 * and revision the same eventId. A created item is revision 0; an edit's revision comes from its
 * text ({@link Revisions}); a deletion is revision 0 of kind DELETED.
 */
public final class FacebookNormalizer {

  /** Feed items that are posts of some kind; others (reactions, likes, events) carry no text. */
  static final Set<String> POST_ITEMS =
      Set.of("post", "status", "photo", "video", "share", "link", "note");

  private FacebookNormalizer() {}

  /**
   * The events a polled item stands for: CREATED, and EDITED too when Graph says a post changed
   * since it was created.
   */
  public static List<ChannelEvent> fromPoll(String pageId, GraphItem item, Instant receivedAt) {
    List<ChannelEvent> events = new ArrayList<>(2);
    String text = TextCleaner.clean(item.message());
    ItemType type;
    String root;
    String parent;
    Visibility visibility = Visibility.PUBLIC;
    switch (item.type()) {
      case POST -> {
        type = ItemType.POST;
        root = item.id();
        parent = null;
      }
      case COMMENT -> {
        type = item.parentId() == null ? ItemType.COMMENT : ItemType.REPLY;
        root = item.containerId();
        parent = item.parentId() == null ? item.containerId() : item.parentId();
      }
      default -> {
        type = ItemType.PRIVATE_MESSAGE;
        root = item.containerId();
        parent = null;
        visibility = Visibility.PRIVATE;
      }
    }
    Author author = author(item.fromId(), item.fromName());
    events.add(
        event(
            pageId,
            item.id(),
            EventKind.CREATED,
            0,
            type,
            root,
            parent,
            author,
            text,
            item.permalink(),
            item.createdTime(),
            receivedAt,
            visibility,
            IngestSource.POLL,
            item.raw()));
    if (item.edited()) {
      events.add(
          event(
              pageId,
              item.id(),
              EventKind.EDITED,
              Revisions.ofEdit(text),
              type,
              root,
              parent,
              author,
              text,
              item.permalink(),
              item.createdTime(),
              receivedAt,
              visibility,
              IngestSource.POLL,
              item.raw()));
    }
    return events;
  }

  /**
   * The event a feed change stands for, or empty when it is not about a post's or comment's content
   * (reactions, hides, verbs Switchboard does not act on).
   */
  public static Optional<ChannelEvent> fromWebhook(FeedChange change, Instant receivedAt) {
    boolean comment = change.isComment();
    if (!comment && !POST_ITEMS.contains(change.item())) {
      return Optional.empty();
    }
    EventKind kind;
    switch (change.verb()) {
      case ADD -> kind = EventKind.CREATED;
      case EDIT -> kind = EventKind.EDITED;
      case REMOVE -> kind = EventKind.DELETED;
      default -> {
        return Optional.empty();
      }
    }
    String text = kind == EventKind.DELETED ? null : TextCleaner.clean(change.message());
    int revision = kind == EventKind.EDITED ? Revisions.ofEdit(text) : 0;
    ItemType type;
    String parent;
    String url;
    if (comment) {
      boolean reply = change.parentId() != null && !change.parentId().equals(change.postId());
      type = reply ? ItemType.REPLY : ItemType.COMMENT;
      parent = change.parentId() == null ? change.postId() : change.parentId();
      url = "https://www.facebook.com/" + change.postId() + "?comment_id=" + change.commentId();
    } else {
      type = ItemType.POST;
      parent = null;
      url = "https://www.facebook.com/" + change.postId();
    }
    return Optional.of(
        event(
            change.pageId(),
            change.itemId(),
            kind,
            revision,
            type,
            change.postId(),
            parent,
            author(change.fromId(), change.fromName()),
            text,
            url,
            change.createdTime(),
            receivedAt,
            Visibility.PUBLIC,
            IngestSource.WEBHOOK,
            change.raw()));
  }

  private static ChannelEvent event(
      String pageId,
      String platformId,
      EventKind kind,
      int revision,
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
    String itemId = Ids.itemId(Channel.FACEBOOK, pageId, platformId);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.FACEBOOK, pageId, root),
        Channel.FACEBOOK,
        pageId,
        platformId,
        kind,
        revision,
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

  private static Author author(String id, String name) {
    if (id == null && name == null) {
      return null;
    }
    return new Author(id, name, null, id == null ? null : "https://www.facebook.com/" + id);
  }
}
