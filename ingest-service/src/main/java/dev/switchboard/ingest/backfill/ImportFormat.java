package dev.switchboard.ingest.backfill;

import java.util.Locale;
import java.util.Optional;

/** The file formats the backfill import reads. */
public enum ImportFormat {
  /** RFC 4180 CSV with a header row, mapped by a {@link CsvMapping}. */
  CSV,
  /** JSON Lines, one generic post per line. */
  JSONL;

  /** The format called {@code name} ({@code csv}, {@code jsonl}, any case). */
  public static Optional<ImportFormat> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
