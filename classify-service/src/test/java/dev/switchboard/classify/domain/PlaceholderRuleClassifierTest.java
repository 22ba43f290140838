package dev.switchboard.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.ChannelEvents;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Reason;
import dev.switchboard.contracts.Team;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlaceholderRuleClassifierTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
  private final Classifier classifier =
      new PlaceholderRuleClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void thanksIsPraiseWithTheSpanOfTheWord() {
    String text = "Many thanks to ward 7 for the care";
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p1", text));

    assertThat(result.labels()).extracting(Label::name).containsExactly(LabelName.PRAISE);
    Reason reason = result.labels().get(0).reasons().get(0);
    assertThat(text.substring(reason.start(), reason.end())).isEqualTo("thanks");
    assertThat(reason.source()).isEqualTo("rule:thanks");
    assertThat(result.priority()).isEqualTo(Priority.P4);
    assertThat(result.route()).isEqualTo(Team.COMMS);
  }

  @Test
  void questionMarkAndHowDoIAreOneQuestionLabelWithBothReasons() {
    String text = "How do I book a visit?";
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p2", text));

    assertThat(result.labels()).hasSize(1);
    Label question = result.labels().get(0);
    assertThat(question.name()).isEqualTo(LabelName.QUESTION);
    assertThat(question.reasons())
        .extracting(r -> text.substring(r.start(), r.end()))
        .containsExactlyInAnyOrder("How do I", "?");
    assertThat(question.confidence()).isEqualTo(0.6);
    assertThat(result.priority()).isEqualTo(Priority.P3);
  }

  @Test
  void complaintGoesToPalsAtP2() {
    String text = "We waited six hours in A&E, it was disgusting";
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p3", text));

    assertThat(result.labels()).extracting(Label::name).containsExactly(LabelName.COMPLAINT);
    assertThat(result.labels().get(0).reasons())
        .extracting(r -> text.substring(r.start(), r.end()))
        .containsExactly("waited", "disgusting");
    assertThat(result.priority()).isEqualTo(Priority.P2);
    assertThat(result.route()).isEqualTo(Team.PALS);
  }

  @Test
  void riskToLifeIsSafeguardingP1WhateverElseMatches() {
    String text = "Thanks for nothing. I just want to END IT ALL";
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p4", text));

    assertThat(result.labels())
        .extracting(Label::name)
        .containsExactlyInAnyOrder(LabelName.SAFEGUARDING, LabelName.PRAISE);
    Label safeguarding =
        result.labels().stream()
            .filter(l -> l.name() == LabelName.SAFEGUARDING)
            .findFirst()
            .orElseThrow();
    Reason reason = safeguarding.reasons().get(0);
    assertThat(text.substring(reason.start(), reason.end())).isEqualTo("END IT ALL");
    assertThat(result.priority()).isEqualTo(Priority.P1);
    assertThat(result.route()).isEqualTo(Team.SAFEGUARDING);
  }

  @Test
  void wordsInsideOtherWordsDoNotMatch() {
    ClassifiedEvent result =
        classifier.classify(ChannelEvents.comment("p5", "Unwaited-for visitors, uncomplaining"));

    assertThat(result.labels()).isEmpty();
    assertThat(result.priority()).isEqualTo(Priority.P4);
  }

  @Test
  void spansAreUtf16OffsetsIntoTheOriginalText() {
    String text = "😀 thank you";
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p6", text));

    Reason reason = result.labels().get(0).reasons().get(0);
    assertThat(reason.start()).isEqualTo(3);
    assertThat(text.substring(reason.start(), reason.end())).isEqualTo("thank");
  }

  @Test
  void deletedEventPassesThroughWithNoLabels() {
    var deleted = ChannelEvents.deleted("p7");
    ClassifiedEvent result = classifier.classify(deleted);

    assertThat(result.event()).isEqualTo(deleted);
    assertThat(result.labels()).isEmpty();
    assertThat(result.priority()).isEqualTo(Priority.P4);
    assertThat(result.route()).isEqualTo(Team.COMMS);
  }

  @Test
  void stampsVersionAndTheClocksTime() {
    ClassifiedEvent result = classifier.classify(ChannelEvents.comment("p8", "hello"));

    assertThat(result.classifierVersion()).isEqualTo("placeholder-rules-0.1");
    assertThat(result.classifiedAt()).isEqualTo(NOW);
  }
}
