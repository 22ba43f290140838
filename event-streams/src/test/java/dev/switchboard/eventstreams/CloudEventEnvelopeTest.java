package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventEnvelopeTest {

  private static final CloudEventEnvelope ENVELOPE =
      new CloudEventEnvelope(
          "evt-1",
          CloudEventHeaders.SOURCE_CLASSIFY,
          ClassifiedEvent.CE_TYPE,
          Instant.parse("2026-11-25T10:15:30Z"));

  @Test
  void setsPlainStringHeadersOnAMessageReplacingTheIncomingOnes() {
    Message<String> out =
        ENVELOPE
            .setOn(
                MessageBuilder.withPayload("{}")
                    .setHeader(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_INGEST)
                    .setHeader(CloudEventHeaders.TYPE, "dev.switchboard.channel-event.v1"))
            .build();

    assertThat(out.getHeaders())
        .containsEntry(CloudEventHeaders.ID, "evt-1")
        .containsEntry(CloudEventHeaders.SOURCE, "/switchboard/classify-service")
        .containsEntry(CloudEventHeaders.TYPE, ClassifiedEvent.CE_TYPE)
        .containsEntry(CloudEventHeaders.TIME, "2026-11-25T10:15:30Z")
        .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
  }

  @Test
  void addsEachHeaderOnceAsUtf8BytesToAKafkaRecord() {
    RecordHeaders headers = new RecordHeaders();

    ENVELOPE.addTo(headers);

    assertThat(headers.toArray())
        .extracting(Header::key)
        .containsExactly(
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SPEC_VERSION);
    // Raw text, never JSON-quoted ("\"evt-1\"").
    assertThat(text(headers, CloudEventHeaders.ID)).isEqualTo("evt-1");
    assertThat(text(headers, CloudEventHeaders.TIME)).isEqualTo("2026-11-25T10:15:30Z");
    assertThat(text(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    for (String name : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE)) {
      assertThat(headers.headers(name)).hasSize(1);
    }
  }

  @Test
  void aMissingAttributeIsRefused() {
    assertThatThrownBy(
            () -> new CloudEventEnvelope(null, "s", "t", Instant.parse("2026-11-25T10:15:30Z")))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  private static String text(RecordHeaders headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
