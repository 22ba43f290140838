package dev.switchboard.fakes;

import java.time.Duration;

/**
 * A failure {@link FakeFacebookGraph} answers with instead of the real response, as Graph really
 * fails.
 */
public sealed interface GraphFault {

  /**
   * A Graph throttling error: HTTP 400 (codes 4, 17, 613) or 403 (code 32, 80001) with the
   * documented error body and a {@code X-Business-Use-Case-Usage} header at 100%.
   *
   * @param code 4 (app), 17 (user), 32 (Page), 613 (custom) or 80001 (Pages business use case)
   * @param regainMinutes the header's {@code estimated_time_to_regain_access}, 0 for none
   */
  record GraphRateLimit(int code, int regainMinutes) implements GraphFault {}

  /** A plain 429 with {@code Retry-After} in seconds. */
  record TooManyRequests(int retryAfterSeconds) implements GraphFault {}

  /** An HTTP 5xx with Graph's error body (code 2, "Service temporarily unavailable"). */
  record ServerError(int status) implements GraphFault {}

  /** The real answer, but only after {@code delay}: a client with a shorter timeout gives up. */
  record Slow(Duration delay) implements GraphFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements GraphFault {}
}
