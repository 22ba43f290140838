package dev.switchboard.ingest.backfill;

import java.util.List;

/** How the columns of one kind of CSV export become a generic post (docs/backfill.md). */
public interface CsvMapping {

  /** The name given as {@code mapping=} / {@code --mapping}. */
  String name();

  /**
   * This mapping bound to a file's header row.
   *
   * @throws InvalidImportException naming every required column the header lacks
   */
  Bound bind(CsvHeader header) throws InvalidImportException;

  /** A mapping that knows where its columns are in this file. */
  interface Bound {

    /** The post in {@code fields}, which has as many fields as the header. */
    MappedRow map(List<String> fields) throws RowRejectedException;

    /** The file's column that holds the generic post's {@code field}, for rejection details. */
    String columnFor(String field);
  }
}
