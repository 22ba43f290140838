package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformRules;
import dev.switchboard.channels.http.ResilienceSettings;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The retry and timeout settings every platform's connectors have, under the same names; each
 * platform's settings record implements it by having those components.
 */
public interface PlatformHttpSettings {

  /** Attempts per request, the first included. */
  int maxAttempts();

  /** The first wait between attempts (doubling, with jitter). */
  Duration initialBackoff();

  /** The longest computed wait between attempts. */
  Duration maxBackoff();

  /** The longest wait the platform may impose inside one request. */
  Duration maxRetryAfter();

  /** How long a connection may take. */
  Duration connectTimeout();

  /** How long an answer may take. */
  Duration readTimeout();

  /** These settings for {@link PlatformHttp}. */
  default ResilienceSettings resilience() {
    return ResilienceSettings.defaults()
        .withRetry(maxAttempts(), initialBackoff(), maxBackoff(), maxRetryAfter())
        .withTimeouts(connectTimeout(), readTimeout());
  }

  /**
   * A {@link PlatformHttp} for {@code url} with {@code rules} and these settings; a bad URL fails
   * at start naming {@code property}.
   */
  default PlatformHttp http(String url, String property, PlatformRules rules) {
    try {
      return PlatformHttp.create(URI.create(url).toURL(), rules, resilience());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(property + " is not a URL", e);
    }
  }
}
