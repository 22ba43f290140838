package dev.switchboard.ingest.connectors.messaging;

import dev.switchboard.contracts.Topics;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.CursorStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Cursors in the compacted {@link Topics#INGEST_CURSORS} topic, keyed by connector id: the latest
 * value of a key is the cursor. Reading scans the topic to its end with a group-less consumer, so a
 * restarted or moved instance sees the last cursor any instance wrote.
 */
public final class KafkaCursorStore implements CursorStore {

  private final Producer<String, byte[]> producer;
  private final KafkaSettings settings;

  /** A store writing through the service's producer. */
  public KafkaCursorStore(Producer<String, byte[]> producer, KafkaSettings settings) {
    this.producer = producer;
    this.settings = settings;
  }

  @Override
  public Optional<String> read(String connectorId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-cursors");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Only what the broker acknowledged to the writer counts.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Duration timeout = settings.ackTimeout();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.INGEST_CURSORS, timeout);
      if (infos == null || infos.isEmpty()) {
        return Optional.empty();
      }
      List<TopicPartition> partitions =
          infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      String latest = null;
      long deadline = System.nanoTime() + timeout.multipliedBy(3).toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the cursor topic to its end in time");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (connectorId.equals(record.key())) {
            latest =
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
          }
        }
      }
      return Optional.ofNullable(latest);
    }
  }

  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CompletableFuture<?> write(String connectorId, String cursor) {
    CompletableFuture<Object> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(
              Topics.INGEST_CURSORS, connectorId, cursor.getBytes(StandardCharsets.UTF_8)),
          (metadata, exception) -> {
            if (exception == null) {
              acknowledged.complete(metadata);
            } else {
              acknowledged.completeExceptionally(exception);
            }
          });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }
}
