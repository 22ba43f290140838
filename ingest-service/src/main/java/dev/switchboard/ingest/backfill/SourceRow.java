package dev.switchboard.ingest.backfill;

import java.util.List;

/**
 * One row of an export as read, before mapping: where it starts, its text verbatim, its fields (CSV
 * only) or why it could not be read.
 *
 * @param line the 1-based physical line on which the row starts (a CSV row may span lines)
 * @param raw the row's text exactly as in the file, without its line ending; null when too long
 * @param fields the CSV fields, unquoted; null for JSONL and for malformed rows
 * @param problem why the row could not be read (a CSV or size problem), null when it could
 */
public record SourceRow(long line, String raw, List<String> fields, Rejection problem) {

  static SourceRow bad(long line, RejectReason reason, String detail) {
    return new SourceRow(line, null, null, new Rejection(line, reason, null, detail));
  }
}
