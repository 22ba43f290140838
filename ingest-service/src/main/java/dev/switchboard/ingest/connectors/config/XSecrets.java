package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * X's secrets, from the environment only: one {@code SWITCHBOARD_X_TOKEN_<NAME>} (an OAuth 2.0
 * bearer token; a user-context one with {@code dm.read} for direct messages) per account (NAME as
 * {@link SecretVariables} spells it). Never printed.
 */
public final class XSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_X_TOKEN_";

  private final Map<String, String> environment;

  private XSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static XSecrets fromEnvironment(Map<String, String> environment) {
    return new XSecrets(environment);
  }

  /** The variable holding the token of the account named {@code name}. */
  public static String tokenVariable(String name) {
    return SecretVariables.of(TOKEN_PREFIX, name);
  }

  /** The token of {@code name}, if set. */
  public Optional<String> token(String name) {
    String value = environment.get(tokenVariable(name));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "XSecrets[hidden]";
  }
}
