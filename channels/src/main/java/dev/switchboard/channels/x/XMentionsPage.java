package dev.switchboard.channels.x;

import java.util.List;

/**
 * One page of the mentions timeline, newest first.
 *
 * @param posts the readable posts
 * @param malformedItems posts not in the documented shape and left out
 * @param partialErrors the answer's {@code errors[]}
 * @param newestId {@code meta.newest_id}, null on an empty page
 * @param oldestId {@code meta.oldest_id}, null on an empty page
 * @param resultCount {@code meta.result_count}
 * @param nextToken {@code meta.next_token}: the next (older) page, null on the last
 */
public record XMentionsPage(
    List<XPost> posts,
    int malformedItems,
    List<XPartialError> partialErrors,
    String newestId,
    String oldestId,
    int resultCount,
    String nextToken) {

  /** Copies the lists. */
  public XMentionsPage {
    posts = List.copyOf(posts);
    partialErrors = List.copyOf(partialErrors);
  }
}
