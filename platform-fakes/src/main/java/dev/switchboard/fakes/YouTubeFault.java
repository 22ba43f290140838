package dev.switchboard.fakes;

import java.time.Duration;

/** A failure {@link FakeYouTube} answers with instead of the real response, as YouTube fails. */
public sealed interface YouTubeFault {

  /** 403 reason {@code quotaExceeded} (domain {@code youtube.quota}): the day's quota is spent. */
  record QuotaExceeded() implements YouTubeFault {}

  /** 403 reason {@code rateLimitExceeded} (domain {@code usageLimits}): too many at once. */
  record RateLimitExceeded() implements YouTubeFault {}

  /** A plain 429 with {@code Retry-After} in seconds. */
  record TooManyRequests(int retryAfterSeconds) implements YouTubeFault {}

  /** An HTTP 5xx with reason {@code backendError}. */
  record ServerError(int status) implements YouTubeFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements YouTubeFault {}

  /** HTTP 200 with a body that is not JSON at all. */
  record MalformedJson() implements YouTubeFault {}
}
