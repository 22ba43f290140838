package dev.switchboard.channels.facebook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Graph's times: {@code 2026-11-25T09:58:00+0000} in the API (an offset without a colon), epoch
 * seconds in webhooks; ISO-8601 with a colon accepted too.
 */
public final class GraphTime {

  private static final DateTimeFormatter GRAPH =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private GraphTime() {}

  /** The instant {@code value} names, or empty when it is none of Graph's forms. */
  public static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(OffsetDateTime.parse(v, GRAPH).toInstant());
    } catch (DateTimeParseException notGraph) {
      try {
        return Optional.of(OffsetDateTime.parse(v).toInstant());
      } catch (DateTimeParseException notIso) {
        return Optional.empty();
      }
    }
  }
}
