package dev.switchboard.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.ChannelEvents;
import dev.switchboard.classify.Classifiers;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithRemoteOpinionTest {

  private static final Clock CLOCK = Clock.fixed(Classifiers.NOW, ZoneOffset.UTC);
  private static final String PLAIN = "Thanks to everyone on the ward";

  @Test
  void theRemoteModelAddsWhatItScoresAboveTheThresholdWithItsReason() {
    SwitchboardClassifier local = Classifiers.fixture();
    RemoteOpinion remote = opinion(Map.of(LabelName.MISINFORMATION, 0.93, LabelName.SPAM, 0.41));
    WithRemoteOpinion classifier =
        new WithRemoteOpinion(local, remote, 0.8, TriageRules.defaults(), CLOCK);

    ClassifiedEvent out = classifier.classify(ChannelEvents.comment("c1", PLAIN));

    Label added =
        out.labels().stream()
            .filter(l -> l.name() == LabelName.MISINFORMATION)
            .findFirst()
            .orElseThrow();
    assertThat(added.confidence()).isEqualTo(0.93);
    assertThat(added.reasons().get(0).source()).isEqualTo("remote:toxicity");
    assertThat(out.labels()).extracting(Label::name).doesNotContain(LabelName.SPAM);
    assertThat(out.classifierVersion()).isEqualTo(local.version() + "+remote:toxicity");
    assertThat(out.priority()).isEqualTo(Priority.P3);
    assertThat(classifier.fallbacks()).isZero();
  }

  @Test
  void aSlowOrDownModelLeavesTheLocalVerdictWholeAndIsCounted() {
    SwitchboardClassifier local = Classifiers.fixture();
    RemoteOpinion down =
        new RemoteOpinion() {
          @Override
          public String name() {
            return "toxicity";
          }

          @Override
          public Map<LabelName, Double> scores(String text) throws Unavailable {
            throw new Unavailable("no answer within 300 ms");
          }
        };
    WithRemoteOpinion classifier =
        new WithRemoteOpinion(local, down, 0.8, TriageRules.defaults(), CLOCK);
    String risky = "I can't go on any more, I want to end it all tonight";

    ClassifiedEvent out = classifier.classify(ChannelEvents.comment("c2", risky));

    assertThat(out.labels()).isEqualTo(local.classify(risky).labels());
    assertThat(out.labels()).extracting(Label::name).contains(LabelName.SAFEGUARDING);
    assertThat(out.classifierVersion()).isEqualTo(local.version());
    assertThat(classifier.fallbacks()).isEqualTo(1);
  }

  @Test
  void theRemoteModelNeverRemovesALocalLabel() {
    SwitchboardClassifier local = Classifiers.fixture();
    String risky = "I can't go on any more, I want to end it all tonight";
    WithRemoteOpinion classifier =
        new WithRemoteOpinion(
            local,
            opinion(Map.of(LabelName.SAFEGUARDING, 0.01)),
            0.8,
            TriageRules.defaults(),
            CLOCK);

    assertThat(classifier.classify(ChannelEvents.comment("c3", risky)).labels())
        .extracting(Label::name)
        .contains(LabelName.SAFEGUARDING);
  }

  private static RemoteOpinion opinion(Map<LabelName, Double> scores) {
    return new RemoteOpinion() {
      @Override
      public String name() {
        return "toxicity";
      }

      @Override
      public Map<LabelName, Double> scores(String text) {
        return scores;
      }
    };
  }
}
