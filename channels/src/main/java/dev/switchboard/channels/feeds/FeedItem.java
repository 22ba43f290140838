package dev.switchboard.channels.feeds;

import java.time.Instant;

/**
 * One RSS {@code item} or Atom {@code entry}.
 *
 * @param identity the {@code guid}/{@code id}, or the link when there is none
 * @param link the item's link, may be null
 * @param title the title, may be null
 * @param body the description, summary or content as given (may hold HTML), may be null
 * @param author the author's name where the feed gives one, may be null
 * @param published when it was published ({@code pubDate}, {@code published}), may be null
 * @param updated when it last changed (Atom {@code updated}), may be null
 * @param raw the parsed fields as JSON, kept as the event's raw payload
 */
public record FeedItem(
    String identity,
    String link,
    String title,
    String body,
    String author,
    Instant published,
    Instant updated,
    String raw) {}
