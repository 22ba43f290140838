package dev.switchboard.response.cases.messaging;

import static dev.switchboard.response.ClassifiedEventMother.aPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.UnreadableRecordException;
import dev.switchboard.response.ClassifiedEventMother;
import dev.switchboard.response.cases.CaseIntake;
import dev.switchboard.response.cases.DirectTransactions;
import dev.switchboard.response.cases.InMemoryCaseStore;
import dev.switchboard.response.cases.RecordingPostIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The function adapter called directly, as the binder calls it. */
class ClassifiedEventsConsumerTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private final RecordingPostIndex index = new RecordingPostIndex();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ClassifiedEventsConsumer consumer =
      new ClassifiedEventsConsumer(
          new ClassifiedEventReader(new ContractJson(json)),
          new CaseIntake(
              store,
              DirectTransactions.INSTANCE,
              index,
              Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC)),
          meters);

  @Test
  void aClassifiedEventBecomesACaseAndAnIndexedPost() {
    ClassifiedEventMother post =
        aPost()
            .saying("Who do I call about a complaint?")
            .labelled(Priority.P3, Team.PALS, LabelName.QUESTION, LabelName.COMPLAINT);

    consumer.accept(message(json.writeValueAsBytes(post.build())));

    assertThat(store.cases).hasSize(1);
    var c = store.cases.values().iterator().next();
    assertThat(c.labels()).containsExactlyInAnyOrder(LabelName.QUESTION, LabelName.COMPLAINT);
    assertThat(c.team()).isEqualTo(Team.PALS);
    assertThat(index.indexed)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.itemId()).isEqualTo(post.itemId());
              assertThat(d.authorName()).isEqualTo("Alex Example");
              assertThat(d.labels()).containsExactly("COMPLAINT", "QUESTION");
            });
  }

  @Test
  void aRecordThatIsNotJsonIsRejectedWithAReasonAndCounted() {
    assertThatThrownBy(
            () -> consumer.accept(message("not json at all".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("not a JSON ClassifiedEvent")
        .hasNoCause();
    assertThat(meters.counter("switchboard.classified.invalid").count()).isEqualTo(1.0);
    assertThat(store.cases).isEmpty();
  }

  @Test
  void aRecordMissingRequiredFieldsNamesThemButNotTheText() {
    String incomplete =
        "{\"event\":{\"itemId\":\"itm-1\",\"revision\":0,\"text\":\"secret words\"},"
            + "\"priority\":\"P2\"}";

    assertThatThrownBy(() -> consumer.accept(message(incomplete.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("event.eventId")
        .hasMessageContaining("event.conversationKey")
        .hasMessageContaining("route")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aRecordWithAWrongTypeSaysWhereButNotWhat() {
    String wrong =
        "{\"event\":{\"eventId\":\"evt-1\",\"kind\":\"SHOUTED\",\"revision\":0},"
            + "\"priority\":\"P2\"}";

    assertThatThrownBy(() -> consumer.accept(message(wrong.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining(
            "ClassifiedEvent[\"event\"]->dev.switchboard.contracts.ChannelEvent[\"kind\"]")
        .hasMessageNotContaining("SHOUTED");
  }

  @Test
  void aDuplicateIsCounted() {
    byte[] value = json.writeValueAsBytes(aPost().build());

    consumer.accept(message(value));
    consumer.accept(message(value));

    assertThat(meters.counter("switchboard.classified.duplicates").count()).isEqualTo(1.0);
    assertThat(store.outbox).hasSize(1);
  }

  private static Message<byte[]> message(byte[] value) {
    return MessageBuilder.withPayload(value).build();
  }
}
