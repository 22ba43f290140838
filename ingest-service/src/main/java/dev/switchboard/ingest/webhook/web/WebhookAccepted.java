package dev.switchboard.ingest.webhook.web;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The 202 answer: the ids the event was stored under, so a caller can correlate its post.
 *
 * @param eventId the channel event's id; the same post sent again gets the same one
 * @param itemId the item's id across all its events
 * @param conversationKey the conversation (Kafka key) it belongs to
 */
@Serdeable
public record WebhookAccepted(String eventId, String itemId, String conversationKey) {}
