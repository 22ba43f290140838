package dev.switchboard.response.search;

/**
 * A full-text search request.
 *
 * @param text the words to look for, never blank
 * @param size how many hits to return, 1..{@link #MAX_SIZE}
 */
public record SearchQuery(String text, int size) {

  /** The most hits one request may ask for. */
  public static final int MAX_SIZE = 100;

  /** Rejects a blank query or a size out of range. */
  public SearchQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the query text must not be empty");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
    text = text.strip();
  }
}
