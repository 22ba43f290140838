package dev.switchboard.channels.youtube;

import java.util.List;

/**
 * One page of {@code commentThreads.list}.
 *
 * @param threads each readable thread, as its top-level comment followed by its replies
 * @param malformedItems threads or replies not in the documented shape and left out
 * @param nextPageToken the token of the next page, null on the last
 */
public record YouTubePage(
    List<List<YouTubeComment>> threads, int malformedItems, String nextPageToken) {

  /** Copies the lists. */
  public YouTubePage {
    threads = threads.stream().map(List::copyOf).toList();
  }
}
