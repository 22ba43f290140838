package dev.switchboard.eventstreams;

/**
 * A record that can never be processed (not JSON, not the expected type, or a required field
 * missing). {@link ConsumerRetry} never retries it, so it goes straight to the dead-letter topic.
 * Its message never quotes the record: the binder copies it into the {@code x-exception-message}
 * header and its log, and post text must reach neither.
 */
public class UnreadableRecordException extends RuntimeException {

  /** A record rejected for the given reason, which must not contain record content. */
  public UnreadableRecordException(String reason) {
    super(reason);
  }
}
