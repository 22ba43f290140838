/**
 * Facebook Page over the Graph API: polling Page posts, their comments and Messenger conversations
 * ({@link dev.switchboard.channels.facebook.GraphClient}), and the Page {@code feed} webhook's
 * handshake and payload ({@link dev.switchboard.channels.facebook.FeedWebhook}). Plain records, no
 * dependency injection.
 */
package dev.switchboard.channels.facebook;
