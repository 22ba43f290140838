package dev.switchboard.eventstreams.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * For integration tests on a real broker: records as a client outside Spring writes and reads them
 * (string key, raw bytes, headers as UTF-8), so a test sees exactly what is on the wire. Plain
 * kafka-clients only, so it needs nothing test-scoped at run time; failures are {@link
 * AssertionError}s.
 */
public final class RawKafka implements AutoCloseable {

  private final String bootstrapServers;
  private final KafkaProducer<String, byte[]> producer;

  /** A client of the given brokers; its producer waits for every in-sync replica. */
  public RawKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /** Sends a record with the given headers (UTF-8) and waits for the broker's acknowledgement. */
  public void send(String topic, String key, byte[] value, Map<String, String> headers)
      throws InterruptedException, ExecutionException {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    producer.send(record).get();
  }

  /** Sends a record without headers and waits for the broker's acknowledgement. */
  public void send(String topic, String key, byte[] value)
      throws InterruptedException, ExecutionException {
    send(topic, key, value, Map.of());
  }

  /** Reads the topic from the start until the record with the key shows up. */
  public ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, Duration timeout) {
    try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic + " within " + timeout);
  }

  /** Every key on the topic now: reads until three polls in a row bring nothing (small topics). */
  public List<String> keysOn(String topic) {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
      for (int emptyPolls = 0; emptyPolls < 3; ) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          emptyPolls++;
        }
        records.forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  /** The last header of that name as UTF-8 text; an {@link AssertionError} if there is none. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    return Optional.ofNullable(record.headers().lastHeader(name))
        .map(Header::value)
        .map(v -> new String(v, StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no header " + name));
  }

  @Override
  public void close() {
    producer.close();
  }

  private KafkaConsumer<String, byte[]> consumerFromStart(String topic) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
