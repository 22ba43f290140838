package dev.switchboard.response.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many posts match in all
 * @param hits the best matches, best first
 */
public record SearchPage(long total, List<SearchHit> hits) {

  /**
   * One matching post.
   *
   * @param document the post as indexed
   * @param highlights fragments of its text with the matched words in {@code <em>}
   */
  public record SearchHit(PostDocument document, List<String> highlights) {}
}
