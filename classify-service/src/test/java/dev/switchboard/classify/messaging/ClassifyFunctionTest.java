package dev.switchboard.classify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.classify.ChannelEvents;
import dev.switchboard.classify.Classifiers;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.UnreadableRecordException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class ClassifyFunctionTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
  private final JsonMapper json = JsonMapper.builder().build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ClassifyFunction function =
      new ClassifyFunction(Classifiers.fixture(), new ContractJson(json), meters);

  @Test
  void classifiesKeepsTheKeyAndWritesCloudEventsHeaders() {
    ChannelEvent event = ChannelEvents.comment("c1", "Thank you, maternity team");
    byte[] key = "the-received-key".getBytes(StandardCharsets.UTF_8);
    Message<byte[]> in =
        MessageBuilder.withPayload(json.writeValueAsBytes(event))
            .setHeader(KafkaHeaders.RECEIVED_KEY, key)
            .build();

    Message<byte[]> out = function.apply(in);

    ClassifiedEvent classified = json.readValue(out.getPayload(), ClassifiedEvent.class);
    assertThat(classified.event()).isEqualTo(event);
    assertThat(classified.labels()).extracting(l -> l.name()).containsExactly(LabelName.PRAISE);
    assertThat(out.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(key);
    assertThat(out.getHeaders())
        .containsEntry(CloudEventHeaders.ID, event.eventId())
        .containsEntry(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_CLASSIFY)
        .containsEntry(CloudEventHeaders.TYPE, ClassifiedEvent.CE_TYPE)
        .containsEntry(CloudEventHeaders.TIME, "2026-11-25T10:15:30Z")
        .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
    assertThat(meters.get("switchboard.classify.events").tag("priority", "P4").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void withoutAReceivedKeyTheConversationKeyIsTheKey() {
    ChannelEvent event = ChannelEvents.comment("c2", "hello");
    Message<byte[]> out =
        function.apply(MessageBuilder.withPayload(json.writeValueAsBytes(event)).build());

    assertThat(new String((byte[]) out.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
        .isEqualTo(event.conversationKey());
  }

  @Test
  void notJsonIsUnreadableAndTheMessageDoesNotQuoteTheRecord() {
    Message<byte[]> in =
        MessageBuilder.withPayload("secret patient words".getBytes(StandardCharsets.UTF_8)).build();

    assertThatThrownBy(() -> function.apply(in))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("not a JSON ChannelEvent")
        .hasNoCause()
        .message()
        .doesNotContain("secret")
        .doesNotContain("patient");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    Message<byte[]> in =
        MessageBuilder.withPayload(
                "{\"eventId\":\"evt-1\",\"revision\":0,\"text\":\"hi\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .build();

    assertThatThrownBy(() -> function.apply(in))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "ChannelEvent lacks required fields [itemId, conversationKey, channel, account, kind]");
  }

  @Test
  void aWrongTypeNamesTheFieldButNotTheValue() {
    ChannelEvent event = ChannelEvents.comment("c4", "hello");
    String wrongKind =
        json.writeValueAsString(event).replace("\"kind\":\"CREATED\"", "\"kind\":\"secret\"");
    Message<byte[]> in =
        MessageBuilder.withPayload(wrongKind.getBytes(StandardCharsets.UTF_8)).build();

    assertThatThrownBy(() -> function.apply(in))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("\"kind\"")
        .message()
        .doesNotContain("secret");
  }

  @Test
  void unknownFieldsAreIgnored() {
    ChannelEvent event = ChannelEvents.comment("c3", "hello");
    String withExtra =
        json.writeValueAsString(event).replaceFirst("\\{", "{\"addedInAFutureVersion\":42,");

    Message<byte[]> out =
        function.apply(
            MessageBuilder.withPayload(withExtra.getBytes(StandardCharsets.UTF_8)).build());

    assertThat(json.readValue(out.getPayload(), ClassifiedEvent.class).event()).isEqualTo(event);
  }
}
