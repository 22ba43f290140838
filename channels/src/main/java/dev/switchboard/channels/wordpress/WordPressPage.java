package dev.switchboard.channels.wordpress;

import java.util.List;

/**
 * One page of {@code /wp/v2/comments}.
 *
 * @param comments the comments that could be read
 * @param malformedItems comments of the page not in the documented shape, left out
 * @param page this page's number (from 1)
 * @param totalPages {@code X-WP-TotalPages}; when the header is missing, this page's number, or one
 *     more if the page was full
 * @param total {@code X-WP-Total}, -1 when missing
 */
public record WordPressPage(
    List<WordPressComment> comments, int malformedItems, int page, int totalPages, long total) {

  /** Copies the list. */
  public WordPressPage {
    comments = List.copyOf(comments);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return page < totalPages;
  }
}
