package dev.switchboard.channels.http;

import java.time.Clock;
import java.util.OptionalDouble;

/**
 * One platform's error and rate-limit semantics: which failed answers are rate limits, which are
 * worth retrying, how long it asked us to wait, how much headroom its headers report.
 */
public interface PlatformRules {

  /** The platform's name in errors and metrics ({@code facebook}, {@code x}...). */
  String platform();

  /** The typed failure of a non-2xx {@code response}, judged at {@code clock}'s now. */
  PlatformException errorFor(PlatformResponse response, Clock clock);

  /** The remaining share (0–100) of the rate limit this response reports, if it reports one. */
  OptionalDouble headroomPercent(PlatformResponse response);
}
