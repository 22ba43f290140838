package dev.switchboard.eventstreams;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The retry policy of a consumer binding: transient failures are retried with backoff, then the
 * binder dead-letters the record; a record that can never be read is dead-lettered at once. A bean,
 * because the binder's {@code retryable-exceptions} map cannot be bound from YAML under Boot 4 (a
 * class name is not a valid property name).
 */
public final class ConsumerRetry {

  /**
   * The bean name {@link EventStreamsAutoConfiguration} gives the template; a binding names it in
   * {@code spring.cloud.stream.bindings.<binding>.consumer.retry-template-name}.
   */
  public static final String BEAN_NAME = "consumerRetry";

  private ConsumerRetry() {}

  /** A template with the given backoff that never retries an unreadable record. */
  public static RetryTemplate template(RetrySettings settings) {
    return new RetryTemplate(
        RetryPolicy.builder()
            .maxRetries(settings.maxAttempts() - 1L)
            .delay(settings.initialDelay())
            .multiplier(settings.multiplier())
            .maxDelay(settings.maxDelay())
            .predicate(ConsumerRetry::isRetryable)
            .build());
  }

  /**
   * False if an {@link UnreadableRecordException} is the failure or anywhere in its causes (the
   * binder wraps what the function threw in a {@code MessagingException}).
   */
  public static boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnreadableRecordException) {
        return false;
      }
    }
    return true;
  }
}
