package dev.switchboard.channels.blogger;

import java.util.List;

/**
 * One page of {@code comments.listByBlog}.
 *
 * @param comments the comments that could be read
 * @param malformedItems comments of the page not in the documented shape, left out
 * @param nextPageToken the token of the next page, null on the last
 */
public record BloggerPage(List<BloggerComment> comments, int malformedItems, String nextPageToken) {

  /** Copies the list. */
  public BloggerPage {
    comments = List.copyOf(comments);
  }
}
