package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * YouTube's secrets, from the environment only: per channel, {@code
 * SWITCHBOARD_YOUTUBE_TOKEN_<NAME>} (API key or OAuth access token) or {@code
 * SWITCHBOARD_YOUTUBE_REFRESH_TOKEN_<NAME>} (the owner's refresh token, renewed through {@link
 * GoogleOAuth}); NAME as {@link SecretVariables} spells it. Never printed.
 */
public final class YouTubeSecrets {

  /** The prefix of the token variables. */
  public static final String TOKEN_PREFIX = "SWITCHBOARD_YOUTUBE_TOKEN_";

  /** The prefix of the refresh token variables. */
  public static final String REFRESH_TOKEN_PREFIX = "SWITCHBOARD_YOUTUBE_REFRESH_TOKEN_";

  private final Map<String, String> environment;

  private YouTubeSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static YouTubeSecrets fromEnvironment(Map<String, String> environment) {
    return new YouTubeSecrets(environment);
  }

  /** The variable holding the key or token of the channel named {@code name}. */
  public static String tokenVariable(String name) {
    return SecretVariables.of(TOKEN_PREFIX, name);
  }

  /** The key or token of {@code name}, if set. */
  public Optional<String> token(String name) {
    return value(tokenVariable(name));
  }

  /** The owner's refresh token for {@code name}, if set. */
  public Optional<String> refreshToken(String name) {
    return value(SecretVariables.of(REFRESH_TOKEN_PREFIX, name));
  }

  private Optional<String> value(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "YouTubeSecrets[hidden]";
  }
}
