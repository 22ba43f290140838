package dev.switchboard.channels.x;

import java.util.Map;
import java.util.Objects;

/**
 * An OAuth 2.0 bearer token for the X API: an app-only token reads the mentions timeline; direct
 * messages need a user-context token of the account (scopes {@code dm.read}, {@code tweet.read},
 * {@code users.read}). Never printed.
 *
 * @param value the token
 */
public record XToken(String value) {

  /** Checks it is present. */
  public XToken {
    Objects.requireNonNull(value, "value");
  }

  /** The request headers carrying it. */
  public Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + value, "Accept", "application/json");
  }

  @Override
  public String toString() {
    return "XToken[hidden]";
  }
}
