/** Configuration of the connectors and the beans that build and schedule them. */
package dev.switchboard.ingest.connectors.config;
