package dev.switchboard.channels.x;

import java.util.List;

/**
 * One page of the account's direct message events, newest first.
 *
 * @param messages the readable messages
 * @param malformedItems events not in the documented shape and left out
 * @param partialErrors the answer's {@code errors[]}
 * @param nextToken {@code meta.next_token}: the next (older) page, null on the last
 */
public record XDirectMessagePage(
    List<XDirectMessage> messages,
    int malformedItems,
    List<XPartialError> partialErrors,
    String nextToken) {

  /** Copies the lists. */
  public XDirectMessagePage {
    messages = List.copyOf(messages);
    partialErrors = List.copyOf(partialErrors);
  }
}
