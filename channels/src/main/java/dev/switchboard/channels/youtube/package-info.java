/**
 * The YouTube Data API v3 read side: comment threads of a channel, by moderation status. Plain Java
 * over the {@code http} core.
 */
package dev.switchboard.channels.youtube;
