package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * Blogger credentials, from the environment only: {@code SWITCHBOARD_BLOGGER_REFRESH_TOKEN_<NAME>}
 * (a blog admin's refresh token, renewed through {@link GoogleOAuth}: every status), {@code
 * SWITCHBOARD_BLOGGER_TOKEN_<NAME>} (an OAuth 2.0 access token of a blog admin: every status, until
 * it expires) or {@code SWITCHBOARD_BLOGGER_API_KEY_<NAME>} (live comments only); NAME as {@link
 * SecretVariables} spells it. Never printed.
 */
public final class BloggerSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_BLOGGER_TOKEN_";

  /** The prefix of the refresh token variables. */
  public static final String REFRESH_TOKEN_PREFIX = "SWITCHBOARD_BLOGGER_REFRESH_TOKEN_";

  /** The prefix of the API key variables. */
  public static final String API_KEY_PREFIX = "SWITCHBOARD_BLOGGER_API_KEY_";

  private final Map<String, String> environment;

  private BloggerSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static BloggerSecrets fromEnvironment(Map<String, String> environment) {
    return new BloggerSecrets(environment);
  }

  /** The variable {@code prefix + NAME}. */
  public static String variable(String prefix, String name) {
    return SecretVariables.of(prefix, name);
  }

  /** The OAuth access token of {@code name}, if set. */
  public Optional<String> token(String name) {
    return value(variable(TOKEN_PREFIX, name));
  }

  /** The admin's refresh token for {@code name}, if set. */
  public Optional<String> refreshToken(String name) {
    return value(variable(REFRESH_TOKEN_PREFIX, name));
  }

  /** The API key of {@code name}, if set. */
  public Optional<String> apiKey(String name) {
    return value(variable(API_KEY_PREFIX, name));
  }

  private Optional<String> value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "BloggerSecrets[hidden]";
  }
}
