package dev.switchboard.channels.instagram;

import java.time.Instant;

/**
 * One direct message between the account and a person, as the conversations API returned it.
 *
 * @param id the message id (the {@code mid} a webhook carries for the same message)
 * @param conversationId the Graph conversation id
 * @param participantId the Instagram-scoped id of the person the account talks with: the same for
 *     every message of the conversation, whichever side sent it, and known to webhooks too
 * @param fromId who sent it (the account itself for its own answers)
 * @param fromUsername the sender's username, may be null
 * @param text the text, null for a message with only an attachment
 * @param createdTime when it was sent
 * @param conversationUpdated the conversation's last activity
 * @param raw the message's JSON as parsed from the answer
 */
public record InstagramMessage(
    String id,
    String conversationId,
    String participantId,
    String fromId,
    String fromUsername,
    String text,
    Instant createdTime,
    Instant conversationUpdated,
    String raw) {}
