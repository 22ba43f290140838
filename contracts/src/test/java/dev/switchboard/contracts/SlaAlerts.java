package dev.switchboard.contracts;

import java.time.Instant;

/** SLA alerts on the complaint's case. */
final class SlaAlerts {

  private SlaAlerts() {}

  /** Three of the four first-response hours gone on a P2 complaint. */
  static SlaAlert aFirstResponseWarningAt75Percent() {
    return new SlaAlert(
        Ids.slaAlertId(CaseEvents.CASE_ID, SlaAlert.Clock.FIRST_RESPONSE, "75%"),
        CaseEvents.CASE_ID,
        SlaAlert.Clock.FIRST_RESPONSE,
        SlaAlert.Level.WARNING,
        "75%",
        "complaint-p2",
        Team.PALS,
        Priority.P2,
        Instant.parse("2025-03-14T12:42:10.104Z"),
        Instant.parse("2025-03-14T11:42:10.104Z"),
        0);
  }
}
