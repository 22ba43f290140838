package dev.switchboard.ingest.connectors;

import dev.switchboard.contracts.ChannelEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A polling connector's writes to Kafka, each waited for until Kafka acknowledges it. A connector
 * publishes a batch of events, then writes the cursor that records them: so a cursor never runs
 * ahead of what Kafka holds, and a restart re-reads (never skips) what was not acknowledged.
 */
public final class AcknowledgedWrites {

  private final String connectorId;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Duration ackTimeout;

  /** The writes of connector {@code connectorId}, each waited for at most {@code ackTimeout}. */
  public AcknowledgedWrites(
      String connectorId,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Duration ackTimeout) {
    this.connectorId = connectorId;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.ackTimeout = ackTimeout;
  }

  /**
   * Publishes {@code events} and waits until Kafka has acknowledged every one; then counts them.
   */
  public void publishAll(List<ChannelEvent> events) throws KafkaNotAcknowledged {
    if (events.isEmpty()) {
      return;
    }
    List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
    for (ChannelEvent event : events) {
      acks.add(sink.publish(event));
    }
    await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), "events");
    Instant newest =
        events.stream()
            // createdAt is optional (a deletion seen as an absence has none): then when received.
            .map(e -> e.createdAt() == null ? e.receivedAt() : e.createdAt())
            .max(Instant::compareTo)
            .orElseThrow();
    listener.published(connectorId, events.size(), newest);
  }

  /** Writes the connector's cursor and waits until Kafka has acknowledged it. */
  public void writeCursor(String encoded) throws KafkaNotAcknowledged {
    await(cursors.write(connectorId, encoded), "cursor");
  }

  private void await(CompletableFuture<?> future, String what) throws KafkaNotAcknowledged {
    try {
      future.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaNotAcknowledged("interrupted waiting for the " + what);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaNotAcknowledged(
          "Kafka did not acknowledge the " + what + ": " + e.getClass().getSimpleName());
    }
  }
}
