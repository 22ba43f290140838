package dev.switchboard.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.infra.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo switched on, on the real Kafka broker of embedded-infra: once the server is up, the
 * corpus arrives on {@code switchboard.channel-events.v1} through the signed webhook, for the
 * demo's account, with its threads, edits and deletions.
 */
@MicronautTest(environments = DemoTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT implements TestPropertyProvider {

  private static final int PARTITIONS = 3; // as WebhookIT: the broker is shared by the JVM
  private static final Pattern DEMO_ID = Pattern.compile("demo-[0-9a-z]+-(\\d+)-(.+)");

  @Inject ObjectMapper serde;
  @Inject Admin admin;
  @Inject MeterRegistry registry;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    properties.put("switchboard.kafka.topic-partitions", Integer.toString(PARTITIONS));
    properties.put("micronaut.server.port", "-1");
    properties.put("switchboard.demo.enabled", "true");
    properties.put("switchboard.demo.account", DemoTestBeans.ACCOUNT);
    properties.put("switchboard.demo.rate", "6000"); // 100 a second: one loop in under 2 s
    return properties;
  }

  @Test
  void playsTheWholeCorpusOntoTheTopicThroughTheSignedWebhook() throws Exception {
    Corpus corpus = Corpus.load(serde, Corpus.DEFAULT_RESOURCE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.listTopics().names().get().contains(Topics.CHANNEL_EVENTS));

    // Loop 0's events by event id, in the order each partition holds them.
    Map<String, ChannelEvent> loop0 = new LinkedHashMap<>();
    List<ChannelEvent> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (loop0.size() < corpus.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          ChannelEvent event = serde.readValue(record.value(), ChannelEvent.class);
          if (!DemoTestBeans.ACCOUNT.equals(event.account())) {
            continue; // other tests share the topic
          }
          assertThat(record.key()).isEqualTo(event.conversationKey());
          all.add(event);
          Matcher id = DEMO_ID.matcher(event.platformId());
          assertThat(id.matches()).as(event.platformId()).isTrue();
          if (id.group(1).equals("0")) {
            loop0.put(event.eventId(), event);
          }
        }
      }
    }

    assertThat(loop0).hasSize(corpus.size());
    assertThat(all)
        .allSatisfy(
            e -> {
              assertThat(e.channel()).isEqualTo(Channel.GENERIC);
              assertThat(e.source()).isEqualTo(IngestSource.WEBHOOK);
            });
    assertThat(loop0.values())
        .extracting(ChannelEvent::kind)
        .contains(EventKind.CREATED, EventKind.EDITED, EventKind.DELETED);
    // Every corpus item arrived once, as the corpus describes it.
    Map<String, Integer> kinds = new HashMap<>();
    for (ChannelEvent e : loop0.values()) {
      kinds.merge(e.kind().name(), 1, Integer::sum);
    }
    Map<String, Integer> expectedKinds = new HashMap<>();
    for (CorpusItem item : corpus.items()) {
      expectedKinds.merge(item.kindOrDefault().toUpperCase(java.util.Locale.ROOT), 1, Integer::sum);
    }
    assertThat(kinds).isEqualTo(expectedKinds);
    assertThat(loop0.values())
        .filteredOn(e -> e.visibility() == Visibility.PRIVATE)
        .hasSize(
            (int) corpus.items().stream().filter(i -> "private".equals(i.visibility())).count());
    // An edit and a deletion are events of the item they change, in its conversation, after it.
    List<ChannelEvent> ordered = new ArrayList<>(loop0.values());
    for (ChannelEvent change : ordered) {
      if (change.kind() == EventKind.CREATED) {
        continue;
      }
      List<ChannelEvent> created =
          ordered.stream()
              .filter(e -> e.kind() == EventKind.CREATED && e.itemId().equals(change.itemId()))
              .toList();
      assertThat(created).hasSize(1);
      assertThat(created.get(0).conversationKey()).isEqualTo(change.conversationKey());
      assertThat(ordered.indexOf(created.get(0))).isLessThan(ordered.indexOf(change));
    }

    assertThat(registry.counter("switchboard.ingest.demo.posts", "outcome", "accepted").count())
        .isGreaterThanOrEqualTo(corpus.size());
    assertThat(registry.counter("switchboard.ingest.demo.posts", "outcome", "rejected").count())
        .isZero();
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers());
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(Topics.CHANNEL_EVENTS, p));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }
}
