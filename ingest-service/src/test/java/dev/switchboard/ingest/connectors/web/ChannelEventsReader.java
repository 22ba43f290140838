package dev.switchboard.ingest.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a connector IT reads back: every committed record of {@code channel-events} on the shared
 * broker since the beginning, as JSON, picked out by channel and account so each test sees only its
 * own account's events.
 */
final class ChannelEventsReader implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<JsonNode> seen = new ArrayList<>();

  private ChannelEventsReader(KafkaConsumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Waits until the service has created its topics, then reads channel-events from the start. */
  static ChannelEventsReader fromBeginning(Admin admin) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                admin
                    .listTopics()
                    .names()
                    .get()
                    .containsAll(Set.of(Topics.CHANNEL_EVENTS, Topics.INGEST_CURSORS)));
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.CHANNEL_EVENTS).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return new ChannelEventsReader(consumer);
  }

  /**
   * The events of {@code account} on {@code channel}, in topic order per partition; waits for at
   * least {@code count}, reads a little longer, and fails unless there are exactly {@code count}
   * (so a duplicate shows).
   */
  List<JsonNode> awaitEvents(Channel channel, String account, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      drain(Duration.ofMillis(300));
      if (events(channel, account).size() >= count) {
        break;
      }
    }
    drain(Duration.ofMillis(500));
    List<JsonNode> events = events(channel, account);
    assertThat(events).as("events of %s account %s", channel, account).hasSize(count);
    return events;
  }

  /** The events of {@code account} on {@code channel} read so far. */
  List<JsonNode> events(Channel channel, String account) {
    return seen.stream()
        .filter(
            e ->
                e.get("channel").asString().equals(channel.name())
                    && e.get("account").asString().equals(account))
        .toList();
  }

  /** The first of {@code events} about the platform's item {@code platformId}. */
  static JsonNode byPlatformId(List<JsonNode> events, String platformId) {
    return events.stream()
        .filter(e -> e.get("platformId").asString().equals(platformId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event for platform id " + platformId));
  }

  private void drain(Duration timeout) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      seen.add(JSON.readTree(record.value()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
