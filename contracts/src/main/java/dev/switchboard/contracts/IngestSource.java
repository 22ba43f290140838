package dev.switchboard.contracts;

/** How an item reached Switchboard. */
public enum IngestSource {
  WEBHOOK,
  POLL,
  IMPORT
}
