package dev.switchboard.ingest.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Topics;
import dev.switchboard.fakes.FakeWordPress;
import dev.switchboard.infra.SharedInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With polling on, the service polls a configured blog by itself, again and again. */
@MicronautTest(environments = WordPressTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPressPollingScheduleIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  // Blog id it-wp-schedule is used by no other test, so its events on the shared topic are ours.
  private static final FakeWordPress WP =
      FakeWordPress.start().addBlog("schedule", "comms", WordPressTestBeans.PASSWORD);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>();
    p.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("switchboard.kafka.topic-partitions", "3");
    p.put("micronaut.server.port", "-1");
    p.put("switchboard.connectors.facebook.polling-enabled", "false");
    p.put("switchboard.connectors.wordpress.polling-enabled", "true");
    p.put("switchboard.connectors.wordpress.poll-interval", "300ms");
    // A name no other test uses: its cursor (key wordpress:schedule) is this test's alone.
    p.put(
        "switchboard.connectors.wordpress.blogs.schedule.base-url",
        WP.baseUrl("schedule").toString());
    p.put("switchboard.connectors.wordpress.blogs.schedule.blog-id", "it-wp-schedule");
    p.put("switchboard.connectors.wordpress.blogs.schedule.user", "comms");
    return p;
  }

  @AfterAll
  void stop() {
    WP.close();
  }

  @Test
  void commentsArriveWithoutAnyoneAskingAndLaterOnesAndEditsToo() {
    long first = WP.addComment("schedule", 1, 0, "V", null, "first on its own", T0, "hold");
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      assertThat(awaitTexts(consumer, 1)).containsExactly("first on its own");

      WP.addComment(
          "schedule", 1, 0, "V", null, "second on its own", T0.plusSeconds(60), "approve");
      WP.editComment("schedule", first, "first, edited");

      assertThat(awaitTexts(consumer, 3))
          .containsExactlyInAnyOrder("first on its own", "second on its own", "first, edited");
    }
  }

  private final List<String> texts = new ArrayList<>();

  private List<String> awaitTexts(KafkaConsumer<String, byte[]> consumer, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (texts.size() < count && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
        JsonNode event = JSON.readTree(record.value());
        if (event.get("account").asString().equals("it-wp-schedule")) {
          texts.add(event.get("text").asString());
        }
      }
    }
    return List.copyOf(texts);
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers());
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (consumer.listTopics().get(Topics.CHANNEL_EVENTS) == null
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.CHANNEL_EVENTS).stream()
            .map(i -> new TopicPartition(i.topic(), i.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
