package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.GoogleOAuth;
import dev.switchboard.ingest.connectors.config.YouTubeSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * For the {@code youtube-it} environment: YouTube's tokens and the Google OAuth client as the
 * environment would give them.
 */
@Factory
@Requires(env = YouTubeTestBeans.ENVIRONMENT)
public class YouTubeTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "youtube-it";

  @Singleton
  @Replaces(YouTubeSecrets.class)
  YouTubeSecrets secrets() {
    return YouTubeSecrets.fromEnvironment(
        Map.of(
            YouTubeSecrets.tokenVariable("trust"),
            "owner-trust",
            YouTubeSecrets.tokenVariable("storm"),
            "owner-storm",
            YouTubeSecrets.tokenVariable("broken"),
            "owner-broken",
            YouTubeSecrets.tokenVariable("restart"),
            "owner-restart",
            YouTubeSecrets.tokenVariable("public"),
            "key-public",
            YouTubeSecrets.REFRESH_TOKEN_PREFIX + "RENEW",
            "1//it-renew"));
  }

  @Singleton
  @Replaces(GoogleOAuth.Secrets.class)
  GoogleOAuth.Secrets oauthClient() {
    return new GoogleOAuth.Secrets("it-client", "it-secret");
  }
}
