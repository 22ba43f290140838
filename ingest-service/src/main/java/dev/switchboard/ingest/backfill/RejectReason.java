package dev.switchboard.ingest.backfill;

/** Why a row of an export was not published; stable names for the report. */
public enum RejectReason {
  /** The CSV row breaks RFC 4180, or has more or fewer fields than the header. */
  MALFORMED_CSV,
  /** The line is not a JSON object, or a field has the wrong JSON type. */
  MALFORMED_JSON,
  /** The row holds bytes that are not UTF-8 (the file is in another encoding, or damaged). */
  NOT_UTF8,
  /** The row is longer than the row limit; it was skipped without being held. */
  ROW_TOO_LONG,
  /** A value the mapping needs is empty or absent (an id, the date, the account). */
  MISSING_VALUE,
  /** The date cannot be read, or has no offset where one is needed. */
  BAD_DATE,
  /** {@code kind} is not created, edited or deleted. */
  UNKNOWN_KIND,
  /** Another enumerated value (item type, visibility, channel) is not one Switchboard knows. */
  UNKNOWN_VALUE,
  /** The text is longer than the service's limit. */
  TEXT_TOO_LONG,
  /**
   * Any other value that is out of range or of the wrong form (a URL, a number, an id's length).
   */
  INVALID_VALUE
}
