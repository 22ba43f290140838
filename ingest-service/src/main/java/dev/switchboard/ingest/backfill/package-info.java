/**
 * Backfill import: CSV and JSONL exports of the platforms read row by row, mapped through the
 * generic post mapper and published as channel events (docs/backfill.md). Readers, mappings and the
 * import are plain Java; the HTTP endpoint lives in {@code backfill.web}, the command in {@link
 * dev.switchboard.ingest.backfill.cli.BackfillCommand}.
 */
package dev.switchboard.ingest.backfill;
