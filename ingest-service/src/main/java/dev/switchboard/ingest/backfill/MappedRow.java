package dev.switchboard.ingest.backfill;

import dev.switchboard.ingest.webhook.GenericPost;

/**
 * What a mapping makes of one row: a generic post, plus the channel and account when the row names
 * its own (a file that mixes accounts); null ones fall back to the import's.
 *
 * @param channel the row's channel name, or null
 * @param account the row's account, or null
 * @param post the row as a generic post, its text not yet cleaned
 */
public record MappedRow(String channel, String account, GenericPost post) {}
