package dev.switchboard.fakes;

/** A failure {@link FakeBlogger} answers with instead of the real response, as Google APIs fail. */
public sealed interface BloggerFault {

  /** HTTP 403 with reason {@code rateLimitExceeded} or {@code userRateLimitExceeded}. */
  record RateLimitExceeded(String reason) implements BloggerFault {}

  /** HTTP 429 with {@code Retry-After} in seconds. */
  record TooManyRequests(int retryAfterSeconds) implements BloggerFault {}

  /** HTTP 5xx with reason {@code backendError}. */
  record ServerError(int status) implements BloggerFault {}

  /** HTTP 200 with a body that is not JSON. */
  record MalformedJson() implements BloggerFault {}
}
