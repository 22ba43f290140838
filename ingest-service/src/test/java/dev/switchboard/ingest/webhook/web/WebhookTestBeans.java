package dev.switchboard.ingest.webhook.web;

import dev.switchboard.channels.webhook.WebhookSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * For the {@code webhook-it} environment only: one account's secret given as the environment would
 * give it (so the test does not depend on the real environment), and a fixed clock so {@code
 * receivedAt} and {@code ce_time} can be asserted exactly.
 */
@Factory
@Requires(env = WebhookTestBeans.ENVIRONMENT)
public class WebhookTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "webhook-it";

  /** The account that has a webhook secret. */
  public static final String ACCOUNT = "acme-trust";

  /** Its secret, as {@code SWITCHBOARD_WEBHOOK_SECRET_ACME_TRUST} would hold it. */
  public static final String SECRET = "it-webhook-secret";

  /** What the fixed clock says. */
  public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Singleton
  @Replaces(WebhookSecrets.class)
  WebhookSecrets secrets() {
    return WebhookSecrets.fromEnvironment(
        Map.of(WebhookSecrets.variableName(ACCOUNT), SECRET, "PATH", "/usr/bin"));
  }

  @Singleton
  @Replaces(Clock.class)
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
