package dev.switchboard.response.cases.messaging;

/**
 * A classified-events record that can never be processed (not JSON, or a required field missing).
 * Not retried: the binder sends it straight to the dead-letter topic with this message as reason.
 */
public class InvalidEventException extends RuntimeException {

  /** Creates it with the reason, which ends up in the dead letter's headers. */
  public InvalidEventException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** Creates it with the reason, which ends up in the dead letter's headers. */
  public InvalidEventException(String reason) {
    super(reason);
  }
}
