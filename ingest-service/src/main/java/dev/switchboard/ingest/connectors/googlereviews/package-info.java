/**
 * The Google reviews (Business Profile) connector's rules: normalising reviews and the owner's
 * replies into {@code ChannelEvent}s, and polling a location's reviews with a cursor that knows
 * every review it published, so edits, replies and disappearances can be told. Plain Java.
 */
package dev.switchboard.ingest.connectors.googlereviews;
