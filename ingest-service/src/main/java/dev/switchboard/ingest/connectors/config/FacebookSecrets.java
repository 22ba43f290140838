package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * Facebook's secrets, from the environment only: {@code SWITCHBOARD_FACEBOOK_APP_SECRET} (webhook
 * signatures), {@code SWITCHBOARD_FACEBOOK_VERIFY_TOKEN} (the subscription handshake) and one
 * {@code SWITCHBOARD_FACEBOOK_TOKEN_<NAME>} Page token per Page (NAME upper-cased, other than A–Z
 * and 0–9 as {@code _}). Never printed.
 */
public final class FacebookSecrets {

  /** The prefix of the Page token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_FACEBOOK_TOKEN_";

  private final Map<String, String> environment;

  private FacebookSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static FacebookSecrets fromEnvironment(Map<String, String> environment) {
    return new FacebookSecrets(environment);
  }

  /** The variable holding the Page token of the Page named {@code name}. */
  public static String tokenVariable(String name) {
    return SecretVariables.of(TOKEN_PREFIX, name);
  }

  /** The Page token of {@code name}, if set. */
  public Optional<String> pageToken(String name) {
    return value(tokenVariable(name));
  }

  /** The app secret, if set. */
  public Optional<String> appSecret() {
    return value("SWITCHBOARD_FACEBOOK_APP_SECRET");
  }

  /** The webhook verify token, if set. */
  public Optional<String> verifyToken() {
    return value("SWITCHBOARD_FACEBOOK_VERIFY_TOKEN");
  }

  private Optional<String> value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "FacebookSecrets[hidden]";
  }
}
