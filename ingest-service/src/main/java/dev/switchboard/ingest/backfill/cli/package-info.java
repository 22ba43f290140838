/**
 * The backfill import's command line: the same import as the HTTP endpoint, with a progress bar.
 */
package dev.switchboard.ingest.backfill.cli;
