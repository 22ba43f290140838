/**
 * OAuth 2.0 access tokens for the platform clients: a fixed token, or one refreshed with a refresh
 * token (RFC 6749 section 6) before it expires and whenever the platform rejects it.
 */
package dev.switchboard.channels.oauth;
