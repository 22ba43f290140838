package dev.switchboard.channels.http;

import java.time.Duration;

/** Waits between attempts; production sleeps the thread, tests record the wait and step a clock. */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long)}. */
  static Sleeper threadSleep() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
