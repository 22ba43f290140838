package dev.switchboard.ingest.connectors.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WordPress application passwords, from the environment only: one {@code
 * SWITCHBOARD_WORDPRESS_PASSWORD_<NAME>} per blog (NAME upper-cased, other than A–Z and 0–9 as
 * {@code _}). Never printed.
 */
public final class WordPressSecrets {

  /** The prefix of the password variables. */
  public static final String PASSWORD_PREFIX = "SWITCHBOARD_WORDPRESS_PASSWORD_";

  private final Map<String, String> environment;

  private WordPressSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static WordPressSecrets fromEnvironment(Map<String, String> environment) {
    return new WordPressSecrets(environment);
  }

  /** The variable holding the application password of the blog named {@code name}. */
  public static String passwordVariable(String name) {
    StringBuilder variable = new StringBuilder(PASSWORD_PREFIX);
    for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
      variable.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return variable.toString();
  }

  /** The application password of {@code name}, if set. */
  public Optional<String> password(String name) {
    String value = environment.get(passwordVariable(name));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "WordPressSecrets[hidden]";
  }
}
