package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;

class ConsumerRetryTest {

  private static final RetrySettings NO_WAIT =
      new RetrySettings(3, Duration.ZERO, 1.0, Duration.ofMillis(1));

  @Test
  void anUnreadableRecordIsNotRetriedEvenWhenTheBinderWrappedIt() {
    UnreadableRecordException unreadable = new UnreadableRecordException("not a JSON X");

    assertThat(ConsumerRetry.isRetryable(unreadable)).isFalse();
    assertThat(ConsumerRetry.isRetryable(wrapped(unreadable))).isFalse();
    assertThat(ConsumerRetry.isRetryable(new RuntimeException(wrapped(unreadable)))).isFalse();
  }

  @Test
  void anyOtherFailureIsRetried() {
    assertThat(ConsumerRetry.isRetryable(new IllegalStateException("search cluster down")))
        .isTrue();
    assertThat(ConsumerRetry.isRetryable(wrapped(new IllegalStateException("down")))).isTrue();
  }

  @Test
  void theTemplateTriesATransientFailureMaxAttemptsTimesAndAnUnreadableOneOnce() {
    RetryTemplate template = ConsumerRetry.template(NO_WAIT);

    AtomicInteger transientAttempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                template.execute(
                    () -> {
                      transientAttempts.incrementAndGet();
                      throw wrapped(new IllegalStateException("down"));
                    }))
        .isInstanceOf(RetryException.class);
    assertThat(transientAttempts).hasValue(3);

    AtomicInteger unreadableAttempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                template.execute(
                    () -> {
                      unreadableAttempts.incrementAndGet();
                      throw wrapped(new UnreadableRecordException("not a JSON X"));
                    }))
        .isInstanceOf(RetryException.class);
    assertThat(unreadableAttempts).hasValue(1);
  }

  @Test
  void oneAttemptMeansNoRetry() throws Exception {
    RetryTemplate template =
        ConsumerRetry.template(new RetrySettings(1, Duration.ZERO, 2.0, Duration.ofMillis(1)));
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                template.execute(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("down");
                    }))
        .isInstanceOf(RetryException.class);
    assertThat(attempts).hasValue(1);
  }

  /** As the binder hands a failure of the function to the retry template. */
  private static MessageHandlingException wrapped(Throwable cause) {
    return new MessageHandlingException(MessageBuilder.withPayload(new byte[0]).build(), cause);
  }
}
