package dev.switchboard.channels.feeds;

import java.util.List;

/**
 * One fetch of a feed.
 *
 * @param notModified whether the server answered 304 (nothing new; no items)
 * @param items the items that could be read, in document order
 * @param malformedItems items without an identity and left out
 * @param etag the {@code ETag} to send next time, may be null
 * @param lastModified the {@code Last-Modified} to send next time, may be null
 */
public record FeedDocument(
    boolean notModified,
    List<FeedItem> items,
    int malformedItems,
    String etag,
    String lastModified) {

  /** Copies the list. */
  public FeedDocument {
    items = List.copyOf(items);
  }
}
