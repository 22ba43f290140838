/**
 * The generic webhook: its wire shape ({@link dev.switchboard.ingest.webhook.GenericPost}) and the
 * rules that validate it and map it to a {@link dev.switchboard.contracts.ChannelEvent}. Plain
 * Java, no framework; the HTTP adapter lives in {@code webhook.web}.
 */
package dev.switchboard.ingest.webhook;
