/**
 * The YouTube channel connector's rules: normalising comments into {@code ChannelEvent}s and
 * polling a channel's comment threads per moderation status with a cursor. Plain Java.
 */
package dev.switchboard.ingest.connectors.youtube;
