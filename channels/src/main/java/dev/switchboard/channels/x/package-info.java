/**
 * The X API v2 read side: the mentions timeline of the trust's account and its direct message
 * events. Plain Java over the {@code http} core with {@code XRules}.
 */
package dev.switchboard.channels.x;
