package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A running SLA clock reached a warning threshold or its target. Topic {@link Topics#SLA_ALERTS},
 * key {@link #caseId}. Exactly one per clock and threshold: {@link #alertId} is deterministic.
 *
 * @param alertId {@link Ids#slaAlertId(String, Clock, String)}
 * @param caseId the case
 * @param clock which clock
 * @param level warning or breach
 * @param threshold the threshold's name, e.g. {@code 75%}, {@code 30m-left}, {@code target}
 * @param policyId the SLA policy the clock runs under
 * @param team the case's team
 * @param priority the case's priority
 * @param dueAt when the clock's target falls
 * @param raisedAt when the alert was raised
 * @param escalationStep the escalation chain step reached, 0 before any escalation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaAlert(
    String alertId,
    String caseId,
    Clock clock,
    Level level,
    String threshold,
    String policyId,
    Team team,
    Priority priority,
    Instant dueAt,
    Instant raisedAt,
    int escalationStep) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.sla-alert.v1";

  /** The SLA clocks a case runs. */
  public enum Clock {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION
  }

  /** Severity of the alert. */
  public enum Level {
    WARNING,
    BREACH
  }
}
