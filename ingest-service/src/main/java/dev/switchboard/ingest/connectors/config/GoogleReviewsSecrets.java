package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * Google reviews' secrets, from the environment only: per location, {@code
 * SWITCHBOARD_GOOGLE_REVIEWS_TOKEN_<NAME>} (an OAuth access token with scope {@code
 * business.manage}) or {@code SWITCHBOARD_GOOGLE_REVIEWS_REFRESH_TOKEN_<NAME>} (a manager's refresh
 * token, renewed through {@link GoogleOAuth}); NAME as {@link SecretVariables} spells it. Never
 * printed.
 */
public final class GoogleReviewsSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_GOOGLE_REVIEWS_TOKEN_";

  /** The prefix of the refresh token variables. */
  public static final String REFRESH_TOKEN_PREFIX = "SWITCHBOARD_GOOGLE_REVIEWS_REFRESH_TOKEN_";

  private final Map<String, String> environment;

  private GoogleReviewsSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static GoogleReviewsSecrets fromEnvironment(Map<String, String> environment) {
    return new GoogleReviewsSecrets(environment);
  }

  /** The variable holding the access token of the location named {@code name}. */
  public static String tokenVariable(String name) {
    return SecretVariables.of(TOKEN_PREFIX, name);
  }

  /** The variable holding the refresh token of the location named {@code name}. */
  public static String refreshTokenVariable(String name) {
    return SecretVariables.of(REFRESH_TOKEN_PREFIX, name);
  }

  /** The access token of {@code name}, if set. */
  public Optional<String> token(String name) {
    return value(tokenVariable(name));
  }

  /** The refresh token of {@code name}, if set. */
  public Optional<String> refreshToken(String name) {
    return value(refreshTokenVariable(name));
  }

  private Optional<String> value(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "GoogleReviewsSecrets[hidden]";
  }
}
