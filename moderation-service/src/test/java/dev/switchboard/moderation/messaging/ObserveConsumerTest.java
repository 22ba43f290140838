package dev.switchboard.moderation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.UnreadableRecordException;
import dev.switchboard.moderation.ClassifiedEvents;
import dev.switchboard.moderation.domain.InMemoryObservedItems;
import dev.switchboard.moderation.domain.Observation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class ObserveConsumerTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final InMemoryObservedItems items = new InMemoryObservedItems();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ObserveConsumer consumer =
      new ObserveConsumer(
          new ClassifiedEventReader(new ContractJson(json)),
          new Observation(items, Clock.systemUTC()),
          meters);

  private Message<byte[]> record(byte[] payload, Object ceType) {
    MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload);
    if (ceType != null) {
      builder.setHeader(CloudEventHeaders.TYPE, ceType);
    }
    return builder.build();
  }

  @Test
  void recordsAClassifiedEventAndCountsRedeliveries() {
    ClassifiedEvent classified = ClassifiedEvents.complaint("page", "p1");
    byte[] payload = json.writeValueAsBytes(classified);

    consumer.accept(record(payload, ClassifiedEvent.CE_TYPE));
    // A raw Kafka client's header arrives as bytes; Spring Cloud Function's canonical name is
    // ce-type.
    consumer.accept(record(payload, ClassifiedEvent.CE_TYPE.getBytes(StandardCharsets.UTF_8)));
    consumer.accept(
        MessageBuilder.withPayload(payload).setHeader("ce-type", ClassifiedEvent.CE_TYPE).build());

    assertThat(items.inConversation(classified.event().conversationKey())).hasSize(1);
    assertThat(meters.get("switchboard.moderation.observed").tag("outcome", "recorded").counter())
        .extracting(c -> c.count())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get("switchboard.moderation.observed")
                .tag("outcome", "already_recorded")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void aRecordWithoutItsCloudEventsTypeIsUnreadable() {
    byte[] payload = json.writeValueAsBytes(ClassifiedEvents.complaint("page", "p2"));

    assertThatThrownBy(() -> consumer.accept(record(payload, null)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("ce_type is missing");
    assertThatThrownBy(() -> consumer.accept(record(payload, "dev.switchboard.channel-event.v1")))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("'dev.switchboard.channel-event.v1'");
  }

  @Test
  void notJsonIsUnreadableWithoutQuotingIt() {
    Message<byte[]> bad =
        record("private words".getBytes(StandardCharsets.UTF_8), ClassifiedEvent.CE_TYPE);

    assertThatThrownBy(() -> consumer.accept(bad))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("not a JSON ClassifiedEvent")
        .hasNoCause()
        .message()
        .doesNotContain("private");
  }

  @Test
  void missingFieldsAreNamed() {
    Message<byte[]> bad =
        record(
            "{\"priority\":\"P2\",\"event\":{\"eventId\":\"evt-1\",\"revision\":0}}"
                .getBytes(StandardCharsets.UTF_8),
            ClassifiedEvent.CE_TYPE);

    assertThatThrownBy(() -> consumer.accept(bad))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "ClassifiedEvent lacks required fields [event.itemId, event.conversationKey,"
                + " event.channel, event.account, event.kind, classifiedAt]");
    assertThat(items.inConversation("anything")).isEmpty();
  }
}
