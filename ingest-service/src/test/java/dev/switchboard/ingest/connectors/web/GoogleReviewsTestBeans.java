package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.GoogleOAuth;
import dev.switchboard.ingest.connectors.config.GoogleReviewsSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * For the {@code google-reviews-it} environment: the locations' tokens as the environment gives.
 */
@Factory
@Requires(env = GoogleReviewsTestBeans.ENVIRONMENT)
public class GoogleReviewsTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "google-reviews-it";

  @Singleton
  @Replaces(GoogleReviewsSecrets.class)
  GoogleReviewsSecrets secrets() {
    return GoogleReviewsSecrets.fromEnvironment(
        Map.of(
            GoogleReviewsSecrets.tokenVariable("main-site"), "token-main",
            GoogleReviewsSecrets.tokenVariable("storm"), "token-storm",
            GoogleReviewsSecrets.tokenVariable("broken"), "token-broken",
            GoogleReviewsSecrets.tokenVariable("restart"), "token-restart",
            GoogleReviewsSecrets.tokenVariable("gone"), "token-gone",
            GoogleReviewsSecrets.refreshTokenVariable("renew"), "1//it-renew-reviews"));
  }

  @Singleton
  @Replaces(GoogleOAuth.Secrets.class)
  GoogleOAuth.Secrets oauthClient() {
    return new GoogleOAuth.Secrets("it-client", "it-secret");
  }
}
