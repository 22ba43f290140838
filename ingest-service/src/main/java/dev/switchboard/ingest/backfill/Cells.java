package dev.switchboard.ingest.backfill;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/** Reading single CSV cells: empty means absent, ids lose stray spaces, dates become RFC 3339. */
final class Cells {

  // Graph API's created_time: ISO 8601 with an offset written without a colon (+0000).
  private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHMM", "Z")
          .toFormatter();
  // Database exports (WordPress comment_date_gmt): "2026-11-25 09:58:00", in UTC by definition.
  private static final DateTimeFormatter SQL_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
          .toFormatter();

  private Cells() {}

  /** The cell at {@code position}, or null when the column is absent or the cell empty. */
  static String value(List<String> fields, int position) {
    if (position < 0) {
      return null;
    }
    String value = fields.get(position);
    return value.isBlank() ? null : value;
  }

  /** An id: surrounding spaces removed (spreadsheets add them), empty means absent. */
  static String id(List<String> fields, int position) {
    String value = value(fields, position);
    return value == null ? null : value.strip();
  }

  /** Text: kept as written; an empty cell is an empty text (a photo-only comment), not absent. */
  static String text(List<String> fields, int position) {
    return position < 0 ? null : fields.get(position);
  }

  /** A required id. */
  static String requiredId(List<String> fields, int position, String column)
      throws RowRejectedException {
    String value = id(fields, position);
    if (value == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, column, column + " is empty");
    }
    return value;
  }

  /**
   * A time as RFC 3339: accepts RFC 3339 itself and the Graph API's {@code +0000} form; with {@code
   * utcWithoutOffset}, also a local date-time the export defines as UTC.
   */
  static String time(List<String> fields, int position, String column, boolean utcWithoutOffset)
      throws RowRejectedException {
    String value = id(fields, position);
    if (value == null) {
      throw new RowRejectedException(RejectReason.MISSING_VALUE, column, column + " is empty");
    }
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toString();
    } catch (DateTimeParseException notRfc3339) {
      // try the other accepted forms
    }
    try {
      return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toString();
    } catch (DateTimeParseException notGraph) {
      // try the other accepted forms
    }
    if (utcWithoutOffset) {
      for (DateTimeFormatter format :
          List.of(SQL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE_TIME)) {
        try {
          return LocalDateTime.parse(value, format).atOffset(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
          // next form
        }
      }
    }
    throw new RowRejectedException(
        RejectReason.BAD_DATE,
        column,
        column
            + (utcWithoutOffset
                ? " must be a UTC time such as 2026-11-25 09:58:00 or an RFC 3339 time"
                : " must be a time with an offset, e.g. 2026-11-25T09:58:00+0000 or"
                    + " 2026-11-25T09:58:00Z"));
  }
}
