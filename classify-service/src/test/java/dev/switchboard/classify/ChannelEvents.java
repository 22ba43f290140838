package dev.switchboard.classify;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;
import java.util.List;

/** Test fixtures: channel events as the ingest service would publish them. */
public final class ChannelEvents {

  private ChannelEvents() {}

  /** A new public comment on the generic channel with the given text. */
  public static ChannelEvent comment(String platformId, String text) {
    return event(platformId, EventKind.CREATED, 0, text);
  }

  /** The deletion of a comment: the platform no longer gives its text. */
  public static ChannelEvent deleted(String platformId) {
    return event(platformId, EventKind.DELETED, 1, null);
  }

  private static ChannelEvent event(String platformId, EventKind kind, int revision, String text) {
    String account = "trust-page";
    String itemId = Ids.itemId(Channel.GENERIC, account, platformId);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.GENERIC, account, "root-" + platformId),
        Channel.GENERIC,
        account,
        platformId,
        kind,
        revision,
        ItemType.COMMENT,
        "root-" + platformId,
        "root-" + platformId,
        new Author("author-1", "A Patient", "apatient", null),
        text,
        "https://example.org/posts/" + platformId,
        Instant.parse("2026-11-20T09:00:00Z"),
        Instant.parse("2026-11-20T09:00:05Z"),
        Visibility.PUBLIC,
        IngestSource.WEBHOOK,
        null,
        "en",
        List.of(),
        "{\"id\":\"" + platformId + "\"}");
  }
}
