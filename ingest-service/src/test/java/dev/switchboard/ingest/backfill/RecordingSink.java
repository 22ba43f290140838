package dev.switchboard.ingest.backfill;

import dev.switchboard.contracts.ChannelEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the Kafka publisher in unit tests: acknowledges every event at once, or from the
 * {@code failFrom}-th event on fails it as the publisher does when Kafka does not answer.
 */
final class RecordingSink implements BackfillImport.EventSink {

  final List<ChannelEvent> published = new ArrayList<>();
  private final int failFrom;
  private int calls;

  RecordingSink() {
    this(Integer.MAX_VALUE);
  }

  RecordingSink(int failFrom) {
    this.failFrom = failFrom;
  }

  @Override
  public synchronized CompletableFuture<?> publish(ChannelEvent event) {
    calls++;
    if (calls >= failFrom) {
      return CompletableFuture.failedFuture(new IllegalStateException("Kafka did not answer"));
    }
    published.add(event);
    return CompletableFuture.completedFuture(null);
  }
}
