/** HTTP adapters of the connectors: the platforms' webhook endpoints. */
package dev.switchboard.ingest.connectors.web;
