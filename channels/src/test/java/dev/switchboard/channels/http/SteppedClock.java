package dev.switchboard.channels.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told; the sleeper of a test steps it by each wait. */
public final class SteppedClock extends Clock {
  private Instant now;

  public SteppedClock(Instant start) {
    this.now = start;
  }

  public void step(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
