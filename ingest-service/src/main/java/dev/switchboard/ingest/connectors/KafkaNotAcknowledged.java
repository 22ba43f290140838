package dev.switchboard.ingest.connectors;

/** Kafka did not acknowledge a connector's write in time: its cursor stays where it was. */
public final class KafkaNotAcknowledged extends Exception {
  private static final long serialVersionUID = 1L;

  /** The write that was not acknowledged, and why. */
  public KafkaNotAcknowledged(String message) {
    super(message);
  }
}
