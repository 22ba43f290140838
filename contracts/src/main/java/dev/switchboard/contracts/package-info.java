/**
 * Event records that cross a service boundary, one per topic (see {@link
 * dev.switchboard.contracts.Topics}). Evolution is additive only: new fields are optional and
 * readers ignore fields they do not know. Enum values are part of the contract: add one only after
 * every consumer can read it.
 */
package dev.switchboard.contracts;
