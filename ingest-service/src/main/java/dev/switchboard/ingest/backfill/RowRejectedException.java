package dev.switchboard.ingest.backfill;

/** A row a mapping cannot turn into a post; carries the rejection to report. */
public final class RowRejectedException extends Exception {

  private final RejectReason reason;
  private final String column;

  /**
   * The row is wrong in {@code column} (may be null) for {@code reason}, as {@code detail} says.
   */
  public RowRejectedException(RejectReason reason, String column, String detail) {
    super(detail);
    this.reason = reason;
    this.column = column;
  }

  /** The report entry for the row starting on {@code line}. */
  public Rejection at(long line) {
    return new Rejection(line, reason, column, getMessage());
  }
}
