package dev.switchboard.channels.x;

import java.time.Instant;
import java.util.List;

/**
 * One {@code MessageCreate} direct message event of the account, sent or received.
 *
 * @param id the event's id
 * @param text the message's text, empty for a message that is only an attachment
 * @param senderId who sent it
 * @param conversationId the DM conversation ({@code <smaller id>-<larger id>} for one-to-one)
 * @param participantIds the participants X listed, often empty for a message
 * @param createdAt when it was sent
 * @param raw the event's JSON object as parsed from the answer
 */
public record XDirectMessage(
    String id,
    String text,
    String senderId,
    String conversationId,
    List<String> participantIds,
    Instant createdAt,
    String raw) {

  /** Copies the list. */
  public XDirectMessage {
    participantIds = List.copyOf(participantIds);
  }
}
