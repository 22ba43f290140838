package dev.switchboard.classify.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.ChannelEvents;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The whole application with the in-memory test binder: bindings, destinations, conversion. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import({TestChannelBinderConfiguration.class, ClassifyBindingTest.FixedClock.class})
class ClassifyBindingTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);
    }
  }

  @Autowired InputDestination input;
  @Autowired OutputDestination output;
  @Autowired JsonMapper json;
  @Autowired Environment environment;
  @Autowired dev.switchboard.classify.config.ClassifySettings settings;

  @Test
  void theTriageInApplicationYmlIsTodaysDefault() {
    assertThat(dev.switchboard.classify.config.ClassifyConfiguration.triage(settings.triage()))
        .isEqualTo(dev.switchboard.classify.domain.TriageRules.defaults());
    assertThat(settings.trustContacts()).containsExactly("@nhs.net", "@nhs.uk");
  }

  @Test
  void bindingsUseTheContractTopicsAndTheClassifyGroup() {
    assertThat(environment.getProperty("spring.cloud.stream.bindings.classify-in-0.destination"))
        .isEqualTo(Topics.CHANNEL_EVENTS);
    assertThat(environment.getProperty("spring.cloud.stream.bindings.classify-in-0.group"))
        .isEqualTo("classify");
    assertThat(environment.getProperty("spring.cloud.stream.bindings.classify-out-0.destination"))
        .isEqualTo(Topics.CLASSIFIED_EVENTS);
    assertThat(
            environment.getProperty(
                "spring.cloud.stream.kafka.bindings.classify-in-0.consumer.dlq-name"))
        .isEqualTo(Topics.deadLetter(Topics.CHANNEL_EVENTS, "classify"));
  }

  @Test
  void anInputCloudEventsEnvelopeIsReplacedByTheClassifiedEventsOwn() {
    ChannelEvent event = ChannelEvents.comment("b2", "thanks");
    input.send(
        MessageBuilder.withPayload(json.writeValueAsBytes(event))
            .setHeader(CloudEventHeaders.ID, event.eventId())
            .setHeader(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_INGEST)
            .setHeader(CloudEventHeaders.TYPE, ChannelEvent.CE_TYPE)
            .setHeader(CloudEventHeaders.TIME, "2026-11-20T09:00:05Z")
            .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
            .build(),
        Topics.CHANNEL_EVENTS);

    Message<byte[]> out = output.receive(5_000, Topics.CLASSIFIED_EVENTS);

    assertThat(out).isNotNull();
    assertThat(out.getHeaders())
        .containsEntry(CloudEventHeaders.ID, event.eventId())
        .containsEntry(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_CLASSIFY)
        .containsEntry(CloudEventHeaders.TYPE, ClassifiedEvent.CE_TYPE)
        .containsEntry(CloudEventHeaders.TIME, "2026-11-25T10:15:30Z")
        .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
  }

  @Test
  void aChannelEventComesOutClassifiedWithItsKey() {
    ChannelEvent event = ChannelEvents.comment("b1", "We waited 9 hours. How do I complain?");
    input.send(
        MessageBuilder.withPayload(json.writeValueAsBytes(event))
            .setHeader(
                KafkaHeaders.RECEIVED_KEY, event.conversationKey().getBytes(StandardCharsets.UTF_8))
            .build(),
        Topics.CHANNEL_EVENTS);

    Message<byte[]> out = output.receive(5_000, Topics.CLASSIFIED_EVENTS);

    assertThat(out).isNotNull();
    ClassifiedEvent classified = json.readValue(out.getPayload(), ClassifiedEvent.class);
    assertThat(classified.event()).isEqualTo(event);
    assertThat(classified.labels())
        .extracting(l -> l.name())
        .containsExactlyInAnyOrder(LabelName.COMPLAINT, LabelName.QUESTION);
    assertThat(classified.priority()).isEqualTo(Priority.P2);
    assertThat(classified.route()).isEqualTo(Team.PALS);
    assertThat(classified.classifiedAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
    assertThat(new String((byte[]) out.getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
        .isEqualTo(event.conversationKey());
    assertThat(out.getHeaders().get(CloudEventHeaders.ID)).isEqualTo(event.eventId());
    assertThat(out.getHeaders().get(CloudEventHeaders.TYPE)).isEqualTo(ClassifiedEvent.CE_TYPE);
  }
}
