package dev.switchboard.fakes;

import java.time.Duration;

/** A failure {@link FakeFeedServer} answers with instead of the feed. */
public sealed interface FeedFault {

  /** An HTTP 5xx with an HTML error page. */
  record ServerError(int status) implements FeedFault {}

  /** A 429 with {@code Retry-After} in seconds, as a site's rate limiter or CDN answers. */
  record TooManyRequests(int retryAfterSeconds) implements FeedFault {}

  /** HTTP 200 with a document cut off mid-element. */
  record MalformedXml() implements FeedFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements FeedFault {}

  /** HTTP 200 with a DTD declaring an external entity (an XXE attempt). */
  record ExternalEntity(String systemId) implements FeedFault {}
}
