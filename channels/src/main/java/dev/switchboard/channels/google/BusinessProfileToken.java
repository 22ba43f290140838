package dev.switchboard.channels.google;

import java.util.Map;
import java.util.Objects;

/**
 * An OAuth 2.0 access token with scope {@code business.manage} of a user who manages the location.
 * Sent as a bearer token; never printed.
 *
 * @param value the access token
 */
public record BusinessProfileToken(String value) {

  /** Checks the token is present. */
  public BusinessProfileToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the token is blank");
    }
  }

  /** The request headers carrying it. */
  public Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + value, "Accept", "application/json");
  }

  @Override
  public String toString() {
    return "BusinessProfileToken[hidden]";
  }
}
