package dev.switchboard.ingest.connectors.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Blogger credentials, from the environment only: {@code SWITCHBOARD_BLOGGER_TOKEN_<NAME>} (an
 * OAuth 2.0 access token of a blog admin: every status) or {@code
 * SWITCHBOARD_BLOGGER_API_KEY_<NAME>} (live comments only); NAME upper-cased, other than A–Z and
 * 0–9 as {@code _}. Never printed.
 */
public final class BloggerSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_BLOGGER_TOKEN_";

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
    StringBuilder variable = new StringBuilder(prefix);
    for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
      variable.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return variable.toString();
  }

  /** The OAuth access token of {@code name}, if set. */
  public Optional<String> token(String name) {
    return value(variable(TOKEN_PREFIX, name));
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
