package dev.switchboard.ingest.connectors;

import dev.switchboard.contracts.ChannelEvent;
import java.util.concurrent.CompletableFuture;

/** Where normalised events go; completes when Kafka acknowledged the event. */
@FunctionalInterface
public interface EventSink {

  /** Publishes {@code event}; the future completes on the broker's acknowledgement. */
  CompletableFuture<?> publish(ChannelEvent event);
}
