package dev.switchboard.response.cases;

import static dev.switchboard.response.ClassifiedEventMother.aPost;
import static dev.switchboard.response.ClassifiedEventMother.aReplyTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.response.ClassifiedEventMother;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final ClassifiedEventMother root =
      aPost()
          .saying("Waited four hours in A&E")
          .labelled(Priority.P3, Team.PALS, LabelName.COMPLAINT);

  @Test
  void theFirstPostOfAConversationOpensANewCaseWithItsClassification() {
    CaseRules.Decision d =
        CaseRules.apply(Optional.empty(), Optional.empty(), root.incoming(), NOW);

    Case c = d.caseAfter();
    assertThat(c.caseId()).isEqualTo(Ids.caseId(root.conversationKey()));
    assertThat(c.status()).isEqualTo(CaseStatus.NEW);
    assertThat(c.postCount()).isEqualTo(1);
    assertThat(c.labels()).containsExactly(LabelName.COMPLAINT);
    assertThat(c.priority()).isEqualTo(Priority.P3);
    assertThat(c.team()).isEqualTo(Team.PALS);
    assertThat(c.firstPostAt()).isEqualTo(c.lastPostAt());
    assertThat(d.event().type()).isEqualTo(CaseEvent.Type.CASE_OPENED);
    assertThat(d.event().sequence()).isEqualTo(1);
    assertThat(d.event().itemIds()).containsExactly(root.itemId());
    assertThat(d.event().occurredAt()).isEqualTo(NOW);
    assertThat(d.postAfter().text()).isEqualTo("Waited four hours in A&E");
    assertThat(d.postAfter().deleted()).isFalse();
  }

  @Test
  void aReplyAddsToTheCaseUnitingLabelsAndKeepingTheHighestPriority() {
    CaseRules.Decision opened = open(root);
    ClassifiedEventMother praise =
        aReplyTo(root, "c-1").labelled(Priority.P4, Team.COMMS, LabelName.PRAISE);

    CaseRules.Decision d =
        CaseRules.apply(Optional.of(opened.caseAfter()), Optional.empty(), praise.incoming(), NOW);

    Case c = d.caseAfter();
    assertThat(c.caseId()).isEqualTo(opened.caseAfter().caseId());
    assertThat(c.postCount()).isEqualTo(2);
    assertThat(c.labels()).containsExactlyInAnyOrder(LabelName.COMPLAINT, LabelName.PRAISE);
    assertThat(c.priority()).isEqualTo(Priority.P3);
    assertThat(c.team()).as("a less urgent reply does not move the case").isEqualTo(Team.PALS);
    assertThat(c.lastPostAt()).isEqualTo(root.incoming().postedAt().plusSeconds(60));
    assertThat(c.firstPostAt()).isEqualTo(root.incoming().postedAt());
    assertThat(d.event().type()).isEqualTo(CaseEvent.Type.POST_ADDED);
    assertThat(d.event().sequence()).isEqualTo(2);
  }

  @Test
  void aMoreUrgentPostRaisesThePriorityAndMovesTheCaseToItsTeam() {
    CaseRules.Decision opened = open(root);
    ClassifiedEventMother risk =
        aReplyTo(root, "c-2").labelled(Priority.P1, Team.SAFEGUARDING, LabelName.SAFEGUARDING);

    Case c =
        CaseRules.apply(Optional.of(opened.caseAfter()), Optional.empty(), risk.incoming(), NOW)
            .caseAfter();

    assertThat(c.priority()).isEqualTo(Priority.P1);
    assertThat(c.team()).isEqualTo(Team.SAFEGUARDING);
    assertThat(c.labels()).contains(LabelName.SAFEGUARDING, LabelName.COMPLAINT);
  }

  @Test
  void anEditUpdatesTheTextButIsNotANewPost() {
    CaseRules.Decision opened = open(root);
    ClassifiedEventMother edit = root.editedAs(1, "Waited five hours in A&E");

    CaseRules.Decision d =
        CaseRules.apply(
            Optional.of(opened.caseAfter()), Optional.of(opened.postAfter()), edit.incoming(), NOW);

    assertThat(d.caseAfter().postCount()).isEqualTo(1);
    assertThat(d.postAfter().text()).isEqualTo("Waited five hours in A&E");
    assertThat(d.postAfter().revision()).isEqualTo(1);
    assertThat(d.postAfter().kind()).isEqualTo(EventKind.EDITED);
    assertThat(d.event().type()).isEqualTo(CaseEvent.Type.POST_ADDED);
    assertThat(d.event().details()).containsEntry("itemEvent", "EDITED");
    assertThat(d.event().details()).containsEntry("newItem", "false");
  }

  @Test
  void aLateOlderRevisionDoesNotOverwriteANewerText() {
    CaseRules.Decision opened = open(root);
    Post edited =
        CaseRules.apply(
                Optional.of(opened.caseAfter()),
                Optional.of(opened.postAfter()),
                root.editedAs(2, "second edit").incoming(),
                NOW)
            .postAfter();

    Post after =
        CaseRules.apply(
                Optional.of(opened.caseAfter()),
                Optional.of(edited),
                root.editedAs(1, "first edit").incoming(),
                NOW)
            .postAfter();

    assertThat(after.text()).isEqualTo("second edit");
    assertThat(after.revision()).isEqualTo(2);
  }

  @Test
  void aDeletionMarksThePostDeletedAndKeepsItsTextForLegal() {
    CaseRules.Decision opened = open(root);

    Post after =
        CaseRules.apply(
                Optional.of(opened.caseAfter()),
                Optional.of(opened.postAfter()),
                root.deleted().incoming(),
                NOW)
            .postAfter();

    assertThat(after.deleted()).isTrue();
    assertThat(after.text()).isEqualTo("Waited four hours in A&E");
    assertThat(after.kind()).isEqualTo(EventKind.DELETED);
  }

  @Test
  void aNewPostReopensAClosedCaseButAnEditDoesNot() {
    Case opened = open(root).caseAfter();
    Case closed =
        new Case(
            opened.caseId(),
            opened.conversationKey(),
            CaseStatus.CLOSED,
            opened.channel(),
            opened.account(),
            opened.firstPostAt(),
            opened.lastPostAt(),
            opened.postCount(),
            opened.labels(),
            opened.priority(),
            opened.team(),
            opened.sequence());

    Case afterReply =
        CaseRules.apply(
                Optional.of(closed), Optional.empty(), aReplyTo(root, "c-3").incoming(), NOW)
            .caseAfter();
    Case afterEdit =
        CaseRules.apply(
                Optional.of(closed),
                Optional.of(open(root).postAfter()),
                root.editedAs(1, "typo fixed").incoming(),
                NOW)
            .caseAfter();

    assertThat(afterReply.status()).isEqualTo(CaseStatus.NEW);
    assertThat(afterEdit.status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void theSameItemEventAlwaysYieldsTheSameCaseEventId() {
    String first = open(root).event().eventId();
    String again = open(root).event().eventId();
    String other = open(aReplyTo(root, "c-4")).event().eventId();

    assertThat(first).isEqualTo(again).startsWith("cev-");
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void conversationsOnDifferentAccountsAreDifferentCases() {
    assertThat(Ids.caseId(aPost().onAccount("page-1").conversationKey()))
        .isNotEqualTo(Ids.caseId(aPost().onAccount("page-2").conversationKey()));
  }

  @Test
  void p1IsHigherThanP4() {
    assertThat(CaseRules.higher(Priority.P4, Priority.P1)).isEqualTo(Priority.P1);
    assertThat(CaseRules.higher(Priority.P2, Priority.P3)).isEqualTo(Priority.P2);
  }

  private static CaseRules.Decision open(ClassifiedEventMother post) {
    return CaseRules.apply(Optional.empty(), Optional.empty(), post.incoming(), NOW);
  }
}
