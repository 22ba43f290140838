package dev.switchboard.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageTest {

  private static Label label(LabelName name) {
    return new Label(name, 0.5, List.of());
  }

  @Test
  void noLabelsIsP4ForComms() {
    assertThat(Triage.priority(List.of())).isEqualTo(Priority.P4);
    assertThat(Triage.route(List.of())).isEqualTo(Team.COMMS);
  }

  @Test
  void theMostUrgentLabelDecides() {
    List<Label> labels =
        List.of(label(LabelName.PRAISE), label(LabelName.COMPLAINT), label(LabelName.QUESTION));
    assertThat(Triage.priority(labels)).isEqualTo(Priority.P2);
    assertThat(Triage.route(labels)).isEqualTo(Team.PALS);
  }

  @Test
  void safeguardingOutranksEverything() {
    List<Label> labels = List.of(label(LabelName.LIBEL_RISK), label(LabelName.SAFEGUARDING));
    assertThat(Triage.priority(labels)).isEqualTo(Priority.P1);
    assertThat(Triage.route(labels)).isEqualTo(Team.SAFEGUARDING);
  }

  @Test
  void libelRiskGoesToLegal() {
    assertThat(Triage.route(List.of(label(LabelName.LIBEL_RISK)))).isEqualTo(Team.LEGAL);
  }
}
