package dev.switchboard.ingest.connectors;

import java.time.Duration;

/** One account on one platform, polled on a schedule; see {@link PollOutcome}. */
public interface Connector {

  /** Stable id, the key of its cursor: {@code <channel>:<account name>}. */
  String id();

  /** Polls until caught up (or until an error) and says when to poll next. */
  PollOutcome poll();

  /** What one poll did and when the next should start. */
  record PollOutcome(int events, boolean complete, Duration nextPollIn) {}
}
