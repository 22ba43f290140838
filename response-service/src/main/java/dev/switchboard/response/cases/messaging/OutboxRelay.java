package dev.switchboard.response.cases.messaging;

import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.eventstreams.CloudEventEnvelope;
import dev.switchboard.response.cases.persistence.JdbcOutbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox rows to Kafka and marks them sent once the broker acknowledged them
 * (transactional outbox). A crash between the ack and the mark republishes the row with the same
 * {@code ce_id}; consumers deduplicate on it.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcOutbox outbox;
  private final Producer<String, byte[]> producer;
  private final Clock clock;
  private final int batchSize;
  private final Duration sendTimeout;

  /** Creates the relay; {@link #relayOnce()} is called on a schedule. */
  public OutboxRelay(
      JdbcOutbox outbox,
      Producer<String, byte[]> producer,
      Clock clock,
      int batchSize,
      Duration sendTimeout) {
    this.outbox = outbox;
    this.producer = producer;
    this.clock = clock;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Relays one batch of unsent rows.
   *
   * @return how many were published and marked sent
   */
  public int relayOnce() {
    try {
      return outbox.relay(batchSize, clock.instant(), this::publish);
    } catch (RuntimeException e) {
      // The rows stay unsent and the next run tries again; say so without the payloads.
      log.warn("Outbox relay failed, will retry: {}", e.toString());
      return 0;
    }
  }

  /** Relays batches until the outbox is drained (or a run fails). */
  public void relayPending() {
    while (relayOnce() == batchSize) {
      // A full batch means more may be waiting.
    }
  }

  private void publish(List<JdbcOutbox.Entry> batch) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (JdbcOutbox.Entry entry : batch) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              entry.topic(), entry.key(), entry.payload().getBytes(StandardCharsets.UTF_8));
      new CloudEventEnvelope(
              entry.eventId(),
              CloudEventHeaders.SOURCE_RESPONSE,
              entry.ceType(),
              entry.occurredAt())
          .addTo(record.headers());
      record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
      acks.add(producer.send(record));
    }
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Kafka did not acknowledge the case events", e);
      }
    }
  }
}
