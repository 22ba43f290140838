package dev.switchboard.ingest.backfill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV header row: column positions by name, matched case-insensitively and ignoring surrounding
 * spaces, since exporting tools differ in both.
 */
public final class CsvHeader {

  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();

  /** The header with these column names, in file order. */
  public CsvHeader(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(key(names.get(i)), i);
    }
  }

  /** How many columns the header has. */
  public int size() {
    return names.size();
  }

  /** Position of {@code name}, or -1 when the file has no such column. */
  public int position(String name) {
    return positions.getOrDefault(key(name), -1);
  }

  /**
   * Positions of the {@code required} columns, in the same order.
   *
   * @throws InvalidImportException listing every one that is missing
   */
  public int[] require(String mapping, String... required) throws InvalidImportException {
    int[] found = new int[required.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < required.length; i++) {
      found[i] = position(required[i]);
      if (found[i] < 0) {
        missing.add(required[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidImportException(
          "The header row lacks the column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " required by mapping "
              + mapping
              + " (docs/backfill.md)");
    }
    return found;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
