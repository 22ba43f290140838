package dev.switchboard.channels.careopinion;

import java.util.Map;
import java.util.Objects;

/**
 * A subscription's HTTP header key, sent as {@code Authorization: SUBSCRIPTION_KEY <key>} (the
 * header key does not expire; the 24-hour URI key is never used, because URLs end up in logs).
 * Never printed.
 *
 * @param value the key
 */
public record CareOpinionKey(String value) {

  /** Checks the key is there. */
  public CareOpinionKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the Care Opinion key is blank");
    }
  }

  /** The request headers carrying it, asking for JSON. */
  public Map<String, String> headers() {
    return Map.of("Authorization", "SUBSCRIPTION_KEY " + value, "Accept", "application/json");
  }

  @Override
  public String toString() {
    return "CareOpinionKey[hidden]";
  }
}
