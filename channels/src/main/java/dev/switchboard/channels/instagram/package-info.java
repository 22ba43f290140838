/**
 * Instagram business account over the Instagram Graph API (served on {@code graph.facebook.com}):
 * polling the account's media, their comments and replies, and its direct messages through the
 * linked Page's conversations ({@link dev.switchboard.channels.instagram.InstagramClient}), and the
 * {@code instagram} webhook's payload ({@link
 * dev.switchboard.channels.instagram.InstagramWebhook}). Plain records, no dependency injection.
 */
package dev.switchboard.channels.instagram;
