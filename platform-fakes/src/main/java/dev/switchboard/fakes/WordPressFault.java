package dev.switchboard.fakes;

/** A failure {@link FakeWordPress} answers with instead of the real response. */
public sealed interface WordPressFault {

  /** HTTP 429 with {@code Retry-After} in seconds, as hosted WordPress throttles. */
  record TooManyRequests(int retryAfterSeconds) implements WordPressFault {}

  /** An HTTP 5xx with an HTML error page, as a PHP fatal error or a proxy gives. */
  record ServerError(int status) implements WordPressFault {}

  /** HTTP 200 with a body that is not JSON (a PHP notice printed before the JSON). */
  record MalformedJson() implements WordPressFault {}
}
