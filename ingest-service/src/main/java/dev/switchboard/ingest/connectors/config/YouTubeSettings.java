package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The YouTube connectors ({@code switchboard.connectors.youtube.*}); the channels themselves are
 * {@link YouTubeChannelSettings}, their keys or tokens come from the environment ({@link
 * YouTubeSecrets}).
 *
 * @param pollingEnabled whether the channels are polled on a schedule
 * @param apiUrl the YouTube Data API base URL; tests point it at a fake
 * @param pollInterval the wait between two polls of one channel (each page costs 1 quota unit)
 * @param pageSize threads per request (1–100)
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait YouTube may impose inside one request; longer ones (a spent
 *     quota) delay the next poll instead
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(YouTubeSettings.PREFIX)
public record YouTubeSettings(
    boolean pollingEnabled,
    @NotBlank String apiUrl,
    @NotNull Duration pollInterval,
    @Min(1) @Max(100) int pageSize,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.youtube";
}
