/**
 * The Instagram connector's rules: normalising Instagram comments, replies and direct messages
 * (polled or from the {@code instagram} webhook) into {@code ChannelEvent}s, and polling an account
 * with a cursor. Plain Java.
 */
package dev.switchboard.ingest.connectors.instagram;
