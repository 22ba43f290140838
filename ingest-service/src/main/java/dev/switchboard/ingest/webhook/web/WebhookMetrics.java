package dev.switchboard.ingest.webhook.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code switchboard_ingest_webhooks_total{channel, outcome, reason}} in Prometheus: accepted
 * webhooks ({@code reason="none"}) and rejected ones by the problem slug they were answered with.
 */
@Singleton
public class WebhookMetrics {

  private static final String NAME = "switchboard.ingest.webhooks";

  private final MeterRegistry registry;

  /** Counters in {@code registry}. */
  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One webhook accepted (Kafka acknowledged it). */
  public void accepted(String channel) {
    counter(channel, "accepted", "none").increment();
  }

  /** One webhook rejected for {@code reason} (a problem slug). */
  public void rejected(String channel, String reason) {
    counter(channel, "rejected", reason).increment();
  }

  private Counter counter(String channel, String outcome, String reason) {
    return Counter.builder(NAME)
        .description("Webhook calls by outcome and rejection reason")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }
}
