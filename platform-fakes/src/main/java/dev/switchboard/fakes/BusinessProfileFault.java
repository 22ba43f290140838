package dev.switchboard.fakes;

import java.time.Duration;

/**
 * A failure {@link FakeBusinessProfile} answers with instead of the real response, in the shape of
 * Google's {@code google.rpc.Status} errors.
 */
public sealed interface BusinessProfileFault {

  /**
   * 429 {@code RESOURCE_EXHAUSTED} (ErrorInfo reason {@code RATE_LIMIT_EXCEEDED}, the per-minute
   * quota) with {@code Retry-After} in seconds, or without it when {@code retryAfterSeconds} is
   * negative.
   */
  record TooManyRequests(int retryAfterSeconds) implements BusinessProfileFault {}

  /** An HTTP 5xx ({@code UNAVAILABLE} for 503, else {@code INTERNAL}). */
  record ServerError(int status) implements BusinessProfileFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements BusinessProfileFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements BusinessProfileFault {}

  /** HTTP 200 with a JSON object whose {@code reviews} is not an array. */
  record ReviewsNotAnArray() implements BusinessProfileFault {}
}
