package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.channels.oauth.OAuthRules;
import dev.switchboard.channels.oauth.RefreshCredentials;
import dev.switchboard.channels.oauth.RefreshingAccessToken;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renews Google access tokens (YouTube, Blogger) with the refresh tokens the accounts' owners
 * granted, through the OAuth client whose id and secret are {@value #CLIENT_ID_VARIABLE} and
 * {@value #CLIENT_SECRET_VARIABLE} in the environment. One renewing token per refresh token, kept
 * for the life of the service, so re-created connectors do not ask again. Never printed.
 */
@Singleton
public class GoogleOAuth {

  /** The variable holding the OAuth client's id. */
  public static final String CLIENT_ID_VARIABLE = "SWITCHBOARD_GOOGLE_OAUTH_CLIENT_ID";

  /** The variable holding the OAuth client's secret. */
  public static final String CLIENT_SECRET_VARIABLE = "SWITCHBOARD_GOOGLE_OAUTH_CLIENT_SECRET";

  private final GoogleOAuthSettings settings;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final PlatformHttp http;
  private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

  /** The endpoint of {@code settings}, the client from {@code secrets}. */
  public GoogleOAuth(GoogleOAuthSettings settings, Secrets secrets, Clock clock) {
    this.settings = settings;
    this.clientId = secrets.clientId();
    this.clientSecret = secrets.clientSecret();
    this.clock = clock;
    ResilienceSettings resilience =
        ResilienceSettings.defaults()
            .withRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    try {
      this.http =
          PlatformHttp.create(
              URI.create(settings.tokenUrl()).toURL(), new OAuthRules("google-oauth"), resilience);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(GoogleOAuthSettings.PREFIX + ".token-url is not a URL", e);
    }
  }

  /** Whether the OAuth client is configured, so refresh tokens can be used. */
  public boolean configured() {
    return present(clientId) && present(clientSecret);
  }

  /**
   * The access token renewed with {@code refreshToken}; empty when the OAuth client is not
   * configured.
   */
  public Optional<AccessToken> renewing(String refreshToken) {
    if (!configured() || !present(refreshToken)) {
      return Optional.empty();
    }
    return Optional.of(
        tokens.computeIfAbsent(
            refreshToken,
            r ->
                new RefreshingAccessToken(
                    http,
                    "/token",
                    new RefreshCredentials(clientId, clientSecret, r),
                    clock,
                    settings.renewBefore())));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public String toString() {
    return "GoogleOAuth[hidden]";
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }

  /**
   * The OAuth client, from the process environment; tests replace this bean.
   *
   * @param clientId the client's id, null when not set
   * @param clientSecret the client's secret, null when not set
   */
  public record Secrets(String clientId, String clientSecret) {

    /** The client from {@code environment} (typically {@code System.getenv()}). */
    public static Secrets fromEnvironment(Map<String, String> environment) {
      return new Secrets(
          environment.get(CLIENT_ID_VARIABLE), environment.get(CLIENT_SECRET_VARIABLE));
    }

    @Override
    public String toString() {
      return "GoogleOAuth.Secrets[hidden]";
    }
  }
}
