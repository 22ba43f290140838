/**
 * The Facebook Page connector's rules: normalising Graph items and feed webhook changes into {@code
 * ChannelEvent}s, and polling a Page with a cursor. Plain Java.
 */
package dev.switchboard.ingest.connectors.facebook;
