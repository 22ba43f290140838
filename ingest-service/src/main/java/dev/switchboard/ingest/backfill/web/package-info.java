/** The HTTP adapter of the backfill import: {@code POST /api/backfill}. */
package dev.switchboard.ingest.backfill.web;
