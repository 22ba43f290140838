package dev.switchboard.fakes;

import java.time.Duration;

/** A failure {@link FakeX} answers with instead of the real response, as the X API fails. */
public sealed interface XFault {

  /**
   * 429 {@code Too Many Requests} with {@code x-rate-limit-remaining: 0} and {@code
   * x-rate-limit-reset} {@code resetInSeconds} from the fake's clock.
   */
  record TooManyRequests(int resetInSeconds) implements XFault {}

  /** An HTTP 5xx with a problem body. */
  record ServerError(int status) implements XFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements XFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements XFault {}
}
