/**
 * Verifying that a webhook call really comes from the party holding the account's shared secret,
 * before anything in its body is parsed.
 */
package dev.switchboard.channels.webhook;
