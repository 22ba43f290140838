package dev.switchboard.ingest.backfill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One row that was not published, and why. Never carries the row's content: exports hold patient
 * data, and the report is shown and stored.
 *
 * @param line the 1-based line of the file on which the row starts
 * @param reason the kind of problem
 * @param column the column (CSV) or field (JSONL) at fault, when one is
 * @param detail what exactly is wrong, naming the column, never quoting its value
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(long line, RejectReason reason, String column, String detail) {}
