package dev.switchboard.classify.messaging;

/**
 * A record that can never be processed (not JSON, or a required field missing). Configured as not
 * retryable, so it goes straight to the dead-letter topic. Its message never quotes the record: the
 * binder copies it into a DLQ header and logs it, and post text must not reach either.
 */
public class UnreadableRecordException extends RuntimeException {

  /** A record rejected for the given reason (which must not contain record content). */
  public UnreadableRecordException(String reason) {
    super(reason);
  }
}
