/**
 * The X connector's rules: normalising mentions and direct messages into {@code ChannelEvent}s and
 * polling an account's mentions timeline (with {@code since_id}) and DM events with a cursor. Plain
 * Java.
 */
package dev.switchboard.ingest.connectors.x;
