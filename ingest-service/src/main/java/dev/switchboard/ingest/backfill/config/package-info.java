/** The backfill import's settings, shared by its HTTP endpoint and its command line. */
package dev.switchboard.ingest.backfill.config;
