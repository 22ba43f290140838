/**
 * The Google Business Profile read side: the reviews of a location, with the owner's reply. Plain
 * Java over the {@code http} core.
 */
package dev.switchboard.channels.google;
