package dev.switchboard.channels.instagram;

import java.util.List;

/**
 * One page of an Instagram Graph edge.
 *
 * @param items the items that could be read, in the order the API gave them
 * @param malformedItems items not in the documented shape, left out
 * @param after the {@code paging.cursors.after} cursor, null on an empty page
 * @param hasNext whether the API gave a {@code paging.next} link (more pages follow)
 * @param repliesToFollow for a page of comments: the top-level comments whose embedded replies
 *     continue beyond the first page (read them with {@code InstagramClient.replies}); else empty
 * @param <T> the item type
 */
public record InstagramPage<T>(
    List<T> items,
    int malformedItems,
    String after,
    boolean hasNext,
    List<String> repliesToFollow) {

  /** Copies the lists. */
  public InstagramPage {
    items = List.copyOf(items);
    repliesToFollow = List.copyOf(repliesToFollow);
  }

  /** The cursor of the next page, or null on the last. */
  public String nextAfter() {
    return hasNext ? after : null;
  }
}
