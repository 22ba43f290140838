package dev.switchboard.fakes;

import java.time.Duration;

/** A failure {@link FakeCareOpinion} answers with instead of the real response. */
public sealed interface CareOpinionFault {

  /** A 429 with {@code Retry-After} in seconds: more than 5 requests in a second. */
  record TooManyRequests(int retryAfterSeconds) implements CareOpinionFault {}

  /** An HTTP 5xx. */
  record ServerError(int status) implements CareOpinionFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements CareOpinionFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements CareOpinionFault {}

  /** HTTP 200 with JSON that is an object where a list (array) belongs. */
  record NotAList() implements CareOpinionFault {}
}
