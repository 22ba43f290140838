package dev.switchboard.contracts;

/** The team queues a case can be routed to. */
public enum Team {
  COMMS,
  PALS,
  LEGAL,
  SAFEGUARDING,
  CLINICAL_ADVICE
}
