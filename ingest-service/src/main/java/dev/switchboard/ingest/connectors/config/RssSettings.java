package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the RSS/Atom feeds are polled ({@code switchboard.connectors.rss.*}); the feeds themselves
 * are {@link FeedSettings} under {@code switchboard.connectors.feeds.<name>}.
 *
 * @param pollingEnabled whether the feeds are polled on a schedule
 * @param pollInterval the wait between two polls of one feed
 * @param chunkSize items published between two cursor writes
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} slept inside one request
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(RssSettings.PREFIX)
public record RssSettings(
    boolean pollingEnabled,
    @NotNull Duration pollInterval,
    @Min(1) @Max(1000) int chunkSize,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.rss";
}
