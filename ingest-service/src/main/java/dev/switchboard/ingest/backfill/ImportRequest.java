package dev.switchboard.ingest.backfill;

import dev.switchboard.contracts.Channel;

/**
 * What to import and as what.
 *
 * @param format CSV or JSONL
 * @param mapping the CSV mapping's name; null means {@link CsvMappings#DEFAULT}; JSONL takes none
 * @param channel the channel of rows that do not name one; may be null if every row does
 * @param account the account of rows that do not name one; may be null if every row does
 */
public record ImportRequest(ImportFormat format, String mapping, Channel channel, String account) {}
