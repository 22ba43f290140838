package dev.switchboard.ingest.backfill;

import java.util.List;
import java.util.Optional;

/** The built-in CSV mappings by name; {@code generic} when none is given. */
public final class CsvMappings {

  /** The mapping used when the request names none. */
  public static final String DEFAULT = GenericCsvMapping.NAME;

  private static final List<CsvMapping> ALL =
      List.of(
          new GenericCsvMapping(), new FacebookCommentsMapping(), new WordPressCommentsMapping());

  private CsvMappings() {}

  /** The mapping called {@code name}, if there is one. */
  public static Optional<CsvMapping> byName(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The names of every mapping, for error messages and help. */
  public static List<String> names() {
    return ALL.stream().map(CsvMapping::name).toList();
  }
}
