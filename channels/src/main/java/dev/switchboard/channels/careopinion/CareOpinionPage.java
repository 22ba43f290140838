package dev.switchboard.channels.careopinion;

import java.util.List;

/**
 * One page of {@code /api/v2/opinions} or of a story's responses.
 *
 * @param items the readable items, in the API's order
 * @param malformedItems items not in the documented shape and left out
 * @param nextSkip the {@code skip} of the next page, or -1 on the last page
 * @param <T> story or response
 */
public record CareOpinionPage<T>(List<T> items, int malformedItems, int nextSkip) {

  /** Copies the list. */
  public CareOpinionPage {
    items = List.copyOf(items);
  }

  /** Whether a next page may hold more. */
  public boolean hasMore() {
    return nextSkip >= 0;
  }
}
