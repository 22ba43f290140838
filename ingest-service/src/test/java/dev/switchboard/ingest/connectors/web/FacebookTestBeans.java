package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.FacebookSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * For the {@code facebook-it} environment: Facebook's secrets as the environment would give them.
 */
@Factory
@Requires(env = FacebookTestBeans.ENVIRONMENT)
public class FacebookTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "facebook-it";

  /** The app secret webhooks are signed with. */
  public static final String APP_SECRET = "it-app-secret";

  /** The handshake's verify token. */
  public static final String VERIFY_TOKEN = "it-verify-token";

  @Singleton
  @Replaces(FacebookSecrets.class)
  FacebookSecrets secrets() {
    return FacebookSecrets.fromEnvironment(
        Map.of(
            "SWITCHBOARD_FACEBOOK_APP_SECRET",
            APP_SECRET,
            "SWITCHBOARD_FACEBOOK_VERIFY_TOKEN",
            VERIFY_TOKEN,
            FacebookSecrets.tokenVariable("trust"),
            "token-trust",
            FacebookSecrets.tokenVariable("storm"),
            "token-storm",
            FacebookSecrets.tokenVariable("broken"),
            "token-broken",
            FacebookSecrets.tokenVariable("restart"),
            "token-restart",
            FacebookSecrets.tokenVariable("schedule"),
            "token-schedule"));
  }
}
