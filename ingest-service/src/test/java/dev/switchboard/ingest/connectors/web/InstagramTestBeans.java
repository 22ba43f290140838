package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.InstagramSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * For the {@code instagram-it} environment: Instagram's secrets as the environment would give them.
 * The app secret and verify token are Facebook's variables, which Instagram falls back to.
 */
@Factory
@Requires(env = InstagramTestBeans.ENVIRONMENT)
public class InstagramTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "instagram-it";

  /** The app secret webhooks are signed with. */
  public static final String APP_SECRET = "it-meta-app-secret";

  /** The handshake's verify token. */
  public static final String VERIFY_TOKEN = "it-instagram-verify";

  @Singleton
  @Replaces(InstagramSecrets.class)
  InstagramSecrets secrets() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SWITCHBOARD_FACEBOOK_APP_SECRET", APP_SECRET);
    environment.put("SWITCHBOARD_INSTAGRAM_VERIFY_TOKEN", VERIFY_TOKEN);
    for (String name : new String[] {"trust", "storm", "broken", "restart"}) {
      environment.put(InstagramSecrets.tokenVariable(name), "token-" + name);
    }
    return InstagramSecrets.fromEnvironment(environment);
  }
}
