package dev.switchboard.ingest.connectors.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Google reviews' secrets, from the environment only: one {@code
 * SWITCHBOARD_GOOGLE_REVIEWS_TOKEN_<NAME>} (an OAuth access token with scope {@code
 * business.manage}) per location (NAME upper-cased, other than A–Z and 0–9 as {@code _}). Never
 * printed.
 */
public final class GoogleReviewsSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_GOOGLE_REVIEWS_TOKEN_";

  private final Map<String, String> environment;

  private GoogleReviewsSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static GoogleReviewsSecrets fromEnvironment(Map<String, String> environment) {
    return new GoogleReviewsSecrets(environment);
  }

  /** The variable holding the token of the location named {@code name}. */
  public static String tokenVariable(String name) {
    StringBuilder variable = new StringBuilder(TOKEN_PREFIX);
    for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
      variable.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return variable.toString();
  }

  /** The token of {@code name}, if set. */
  public Optional<String> token(String name) {
    String value = environment.get(tokenVariable(name));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "GoogleReviewsSecrets[hidden]";
  }
}
