package dev.switchboard.ingest.config;

import dev.switchboard.channels.webhook.WebhookSecrets;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plain-Java collaborators of the webhook feature, built from configuration. */
@Factory
public class IngestFactory {

  /** The wall clock; tests replace it to pin {@code receivedAt}. */
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Per-account secrets from the process environment ({@code SWITCHBOARD_WEBHOOK_SECRET_*}). */
  @Singleton
  WebhookSecrets webhookSecrets() {
    return WebhookSecrets.fromEnvironment(System.getenv());
  }

  @Singleton
  GenericPostMapper genericPostMapper(WebhookSettings settings) {
    return new GenericPostMapper(settings.maxTextLength());
  }
}
