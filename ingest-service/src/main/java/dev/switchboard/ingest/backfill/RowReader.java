package dev.switchboard.ingest.backfill;

import java.io.IOException;

/** Reads an export one row at a time, never more than one row in memory. */
public interface RowReader {

  /** The next row, or null at the end of the file. */
  SourceRow next() throws IOException;
}
