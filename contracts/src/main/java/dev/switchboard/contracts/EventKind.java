package dev.switchboard.contracts;

/** What happened to a platform item. Part of the {@code eventId}. */
public enum EventKind {
  CREATED,
  EDITED,
  DELETED
}
