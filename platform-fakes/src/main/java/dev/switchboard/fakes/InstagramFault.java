package dev.switchboard.fakes;

import java.time.Duration;

/**
 * A failure {@link FakeInstagram} answers with instead of the real response. Instagram's Graph API
 * fails as Graph does: throttling in the error body with HTTP 400/403, usage headers, code 2 for a
 * transient server problem.
 */
public sealed interface InstagramFault {

  /**
   * A Graph throttling error: HTTP 400 (codes 4, 17, 613) or 403 (code 32, 80002 the Instagram
   * business use case) with {@code X-Business-Use-Case-Usage} at 100%.
   *
   * @param code the Graph error code
   * @param regainMinutes the header's {@code estimated_time_to_regain_access}, 0 for none
   */
  record GraphRateLimit(int code, int regainMinutes) implements InstagramFault {}

  /** A plain 429 with {@code Retry-After} in seconds. */
  record TooManyRequests(int retryAfterSeconds) implements InstagramFault {}

  /** An HTTP 5xx with Graph's error body (code 2, "Service temporarily unavailable"). */
  record ServerError(int status) implements InstagramFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements InstagramFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements InstagramFault {}

  /** HTTP 200 with a JSON object that has no {@code data} array. */
  record MissingData() implements InstagramFault {}
}
