package dev.switchboard.contracts;

/** How soon a person must look: P1 at once (risk to life), P4 when convenient. */
public enum Priority {
  P1,
  P2,
  P3,
  P4
}
