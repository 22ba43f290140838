package dev.switchboard.ingest.demo;

import dev.switchboard.channels.webhook.WebhookSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/** For the {@code demo-it} environment: the demo account's secret, as the environment gives it. */
@Factory
@Requires(env = DemoTestBeans.ENVIRONMENT)
public class DemoTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "demo-it";

  /** The account the demo plays to in the test. */
  public static final String ACCOUNT = "demo-it-trust";

  @Singleton
  @Replaces(WebhookSecrets.class)
  WebhookSecrets secrets() {
    return WebhookSecrets.fromEnvironment(
        Map.of(WebhookSecrets.variableName(ACCOUNT), "demo-it-secret"));
  }
}
