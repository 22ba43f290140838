/** Connector health: Micrometer metrics and {@code GET /api/connectors}. */
package dev.switchboard.ingest.connectors.health;
