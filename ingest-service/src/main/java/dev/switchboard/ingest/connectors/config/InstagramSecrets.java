package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * Instagram's secrets, from the environment only: one {@code SWITCHBOARD_INSTAGRAM_TOKEN_<NAME>}
 * per account (NAME upper-cased, other than A–Z and 0–9 as {@code _}; a Page token of the linked
 * Page, or a user token, with the Instagram permissions), and the Meta app's secret and verify
 * token for the webhook: {@code SWITCHBOARD_INSTAGRAM_APP_SECRET} and {@code
 * SWITCHBOARD_INSTAGRAM_VERIFY_TOKEN}, each falling back to Facebook's ({@code
 * SWITCHBOARD_FACEBOOK_APP_SECRET}, {@code SWITCHBOARD_FACEBOOK_VERIFY_TOKEN}) because one Meta app
 * usually serves both. Never printed.
 */
public final class InstagramSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_INSTAGRAM_TOKEN_";

  private final Map<String, String> environment;

  private InstagramSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static InstagramSecrets fromEnvironment(Map<String, String> environment) {
    return new InstagramSecrets(environment);
  }

  /** The variable holding the token of the account named {@code name}. */
  public static String tokenVariable(String name) {
    return SecretVariables.of(TOKEN_PREFIX, name);
  }

  /** The token of {@code name}, if set. */
  public Optional<String> token(String name) {
    return value(tokenVariable(name));
  }

  /** The app secret webhooks are signed with, if set. */
  public Optional<String> appSecret() {
    return value("SWITCHBOARD_INSTAGRAM_APP_SECRET")
        .or(() -> value("SWITCHBOARD_FACEBOOK_APP_SECRET"));
  }

  /** The webhook verify token, if set. */
  public Optional<String> verifyToken() {
    return value("SWITCHBOARD_INSTAGRAM_VERIFY_TOKEN")
        .or(() -> value("SWITCHBOARD_FACEBOOK_VERIFY_TOKEN"));
  }

  private Optional<String> value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "InstagramSecrets[hidden]";
  }
}
