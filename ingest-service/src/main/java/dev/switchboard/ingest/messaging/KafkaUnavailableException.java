package dev.switchboard.ingest.messaging;

/** Kafka did not acknowledge an event in time, or refused it; the caller should retry later. */
public final class KafkaUnavailableException extends RuntimeException {

  /** Wraps the producer's failure (a timeout or a Kafka exception). */
  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
