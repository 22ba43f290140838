package dev.switchboard.response.cases;

import static dev.switchboard.response.ClassifiedEventMother.aPost;
import static dev.switchboard.response.ClassifiedEventMother.aReplyTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.response.ClassifiedEventMother;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CaseIntakeTest {

  private final InMemoryCaseStore store = new InMemoryCaseStore();
  private final RecordingPostIndex index = new RecordingPostIndex();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private final CaseIntake intake =
      new CaseIntake(store, DirectTransactions.INSTANCE, index, clock);

  private final ClassifiedEventMother post = aPost().saying("Parking at the hospital is awful");

  @Test
  void aPostIsRecordedOnceEvenWhenDeliveredTwiceButIndexedBothTimes() {
    CaseIntake.Outcome first = intake.accept(post.incoming());
    CaseIntake.Outcome second = intake.accept(post.incoming());

    assertThat(first.duplicate()).isFalse();
    assertThat(second.duplicate()).isTrue();
    assertThat(store.cases).hasSize(1);
    assertThat(store.posts).hasSize(1);
    assertThat(store.outbox)
        .singleElement()
        .extracting(CaseEvent::type)
        .isEqualTo(CaseEvent.Type.CASE_OPENED);
    assertThat(store.cases.values().iterator().next().postCount()).isEqualTo(1);
    // Indexing is idempotent and repeated, so a redelivery completes a failed indexing.
    assertThat(index.indexed).hasSize(2);
    assertThat(index.indexed.get(0).itemId()).isEqualTo(post.itemId());
    assertThat(index.indexed.get(0).caseId()).isEqualTo(first.caseId());
  }

  @Test
  void whenIndexingFailsTheRetryIndexesWithoutRecordingAgain() {
    index.failuresLeft = 1;

    assertThatThrownBy(() -> intake.accept(post.incoming()))
        .isInstanceOf(IllegalStateException.class);
    CaseIntake.Outcome retry = intake.accept(post.incoming());

    assertThat(retry.duplicate()).isTrue();
    assertThat(store.outbox).hasSize(1);
    assertThat(index.indexed)
        .singleElement()
        .satisfies(d -> assertThat(d.text()).contains("Parking"));
  }

  @Test
  void aReplyJoinsTheSameCaseWithAPostAddedEvent() {
    intake.accept(post.incoming());
    CaseIntake.Outcome reply = intake.accept(aReplyTo(post, "c-1").incoming());

    assertThat(store.cases).hasSize(1);
    assertThat(store.posts).hasSize(2);
    assertThat(reply.caseEvent())
        .get()
        .extracting(CaseEvent::type)
        .isEqualTo(CaseEvent.Type.POST_ADDED);
    assertThat(store.cases.get(reply.caseId()).postCount()).isEqualTo(2);
  }

  @Test
  void everyRevisionsTextIsKept() {
    intake.accept(post.incoming());
    intake.accept(post.editedAs(1, "Parking is fine now").incoming());
    intake.accept(post.deleted().incoming());

    assertThat(store.revisions)
        .containsExactly("Parking at the hospital is awful", "Parking is fine now");
    assertThat(store.posts.get(post.itemId()).deleted()).isTrue();
    assertThat(index.indexed.get(2).deleted()).isTrue();
    assertThat(index.indexed.get(2).text()).isEqualTo("Parking is fine now");
  }
}
