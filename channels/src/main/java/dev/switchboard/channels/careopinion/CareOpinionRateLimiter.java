package dev.switchboard.channels.careopinion;

import dev.switchboard.channels.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Spaces requests so no more than {@code requestsPerSecond} start in any second: each caller
 * reserves the next free slot on {@code clock} and sleeps until it. Care Opinion documents a limit
 * of 5 requests per second per subscription; staying under it keeps 429s for real overload. Shared
 * by every account that uses one subscription key. Thread-safe.
 */
public final class CareOpinionRateLimiter {

  /** The documented limit of the Care Opinion API v2. */
  public static final int DOCUMENTED_REQUESTS_PER_SECOND = 5;

  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant nextFree = Instant.MIN;

  /** A limiter of {@code requestsPerSecond} (at least 1) on {@code clock}, waiting with sleeper. */
  public CareOpinionRateLimiter(int requestsPerSecond, Clock clock, Sleeper sleeper) {
    if (requestsPerSecond < 1) {
      throw new IllegalArgumentException("requestsPerSecond must be at least 1");
    }
    this.interval = Duration.ofNanos(1_000_000_000L / requestsPerSecond);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The documented 5 per second on the system clock, sleeping the thread. */
  public static CareOpinionRateLimiter documented() {
    return new CareOpinionRateLimiter(
        DOCUMENTED_REQUESTS_PER_SECOND, Clock.systemUTC(), Sleeper.threadSleep());
  }

  /**
   * Waits for this caller's slot.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    Duration wait = reserve();
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /** Takes the next free slot and says how long until it. */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant slot = nextFree.isAfter(now) ? nextFree : now;
    nextFree = slot.plus(interval);
    return Duration.between(now, slot);
  }
}
