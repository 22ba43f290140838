package dev.switchboard.ingest.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code switchboard_ingest_demo_posts_total{outcome}} in Prometheus: posts the demo sent, and how
 * the webhook answered them — accepted (202), rejected (4xx, never retried) or failed (no answer or
 * 5xx; the same post is sent again).
 */
@Singleton
public class DemoMetrics {

  private final Counter sent;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter failed;

  /** Counters in {@code registry}. */
  public DemoMetrics(MeterRegistry registry) {
    this.sent = counter(registry, "sent");
    this.accepted = counter(registry, "accepted");
    this.rejected = counter(registry, "rejected");
    this.failed = counter(registry, "failed");
  }

  void sent() {
    sent.increment();
  }

  void answered(DemoOutcome outcome) {
    switch (outcome) {
      case ACCEPTED -> accepted.increment();
      case REJECTED -> rejected.increment();
      case RETRY -> failed.increment();
    }
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("switchboard.ingest.demo.posts")
        .description("Demo posts sent to the generic webhook, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
