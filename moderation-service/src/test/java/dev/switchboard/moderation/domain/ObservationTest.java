package dev.switchboard.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.moderation.ClassifiedEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final InMemoryObservedItems items = new InMemoryObservedItems();
  private final Observation observation = new Observation(items, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void recordsTheIdentitiesLabelsAndTimes() {
    ClassifiedEvent classified = ClassifiedEvents.complaint("page-1", "post-1");

    assertThat(observation.observe(classified)).isEqualTo(Observation.Outcome.RECORDED);

    List<ObservedItem> recorded = observation.conversation(classified.event().conversationKey());
    assertThat(recorded).hasSize(1);
    ObservedItem item = recorded.get(0);
    assertThat(item.eventId()).isEqualTo(classified.event().eventId());
    assertThat(item.itemId()).isEqualTo(classified.event().itemId());
    assertThat(item.account()).isEqualTo("page-1");
    assertThat(item.labels()).containsExactly(LabelName.COMPLAINT);
    assertThat(item.priority()).isEqualTo(Priority.P2);
    assertThat(item.route()).isEqualTo(Team.PALS);
    assertThat(item.classifiedAt()).isEqualTo(classified.classifiedAt());
    assertThat(item.recordedAt()).isEqualTo(NOW);
  }

  @Test
  void aRedeliveryRecordsNothingTwice() {
    ClassifiedEvent classified = ClassifiedEvents.complaint("page-1", "post-2");

    observation.observe(classified);
    assertThat(observation.observe(classified)).isEqualTo(Observation.Outcome.ALREADY_RECORDED);

    assertThat(observation.conversation(classified.event().conversationKey())).hasSize(1);
  }

  @Test
  void theSamePlatformIdOnAnotherAccountIsAnotherItem() {
    observation.observe(ClassifiedEvents.complaint("page-1", "post-3"));
    ClassifiedEvent other = ClassifiedEvents.complaint("page-2", "post-3");

    assertThat(observation.observe(other)).isEqualTo(Observation.Outcome.RECORDED);
  }

  @Test
  void anEventWithoutLabelsIsRecordedWithNone() {
    ClassifiedEvent c = ClassifiedEvents.complaint("page-1", "post-4");
    ClassifiedEvent unlabelled =
        new ClassifiedEvent(
            c.event(), null, Priority.P4, Team.COMMS, c.classifierVersion(), c.classifiedAt());

    observation.observe(unlabelled);

    assertThat(observation.conversation(c.event().conversationKey()).get(0).labels()).isEmpty();
  }
}
