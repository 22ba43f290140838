package dev.switchboard.channels.facebook;

import java.util.List;

/**
 * One page of a Graph edge.
 *
 * @param items the items that could be read
 * @param malformedItems how many items of the page were not in the documented shape and left out
 * @param after the {@code paging.cursors.after} cursor, null on an empty page
 * @param hasNext whether Graph gave a {@code paging.next} link (more pages follow)
 */
public record GraphPage(List<GraphItem> items, int malformedItems, String after, boolean hasNext) {

  /** Copies the list. */
  public GraphPage {
    items = List.copyOf(items);
  }
}
