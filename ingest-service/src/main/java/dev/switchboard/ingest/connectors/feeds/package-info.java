/**
 * The RSS/Atom feed connector's rules: normalising feed items into {@code ChannelEvent}s and
 * telling new items from changed ones with a cursor. Plain Java.
 */
package dev.switchboard.ingest.connectors.feeds;
