package dev.switchboard.fakes;

import java.time.Duration;

/** A failure {@link FakeFeedServer} answers with instead of the feed. */
public sealed interface FeedFault {

  /** An HTTP 5xx with an HTML error page. */
  record ServerError(int status) implements FeedFault {}

  /** HTTP 200 with a document cut off mid-element. */
  record MalformedXml() implements FeedFault {}

  /** The real answer, but only after {@code delay}. */
  record Slow(Duration delay) implements FeedFault {}

  /** HTTP 200 with a DTD declaring an external entity (an XXE attempt). */
  record ExternalEntity(String systemId) implements FeedFault {}
}
