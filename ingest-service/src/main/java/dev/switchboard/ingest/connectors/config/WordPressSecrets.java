package dev.switchboard.ingest.connectors.config;

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
    return SecretVariables.of(PASSWORD_PREFIX, name);
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
