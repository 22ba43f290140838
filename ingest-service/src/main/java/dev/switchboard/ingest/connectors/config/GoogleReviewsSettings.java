package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The Google reviews connectors ({@code switchboard.connectors.google-reviews.*}): Business Profile
 * locations, each {@link GoogleReviewsLocationSettings}, their tokens from the environment ({@link
 * GoogleReviewsSecrets}).
 *
 * @param pollingEnabled whether the locations are polled on a schedule
 * @param apiUrl the Business Profile API base URL; tests point it at a fake
 * @param pollInterval the wait between two passes over one location
 * @param sweepInterval how often a pass lists every review, to find reviews that disappeared
 * @param deletionConfirmations complete sweeps in a row that must miss a review before it is
 *     DELETED
 * @param pageSize reviews per request (1–50)
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait Google may impose inside one request; longer ones delay the
 *     next poll instead
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(GoogleReviewsSettings.PREFIX)
public record GoogleReviewsSettings(
    boolean pollingEnabled,
    @NotBlank String apiUrl,
    @NotNull Duration pollInterval,
    @NotNull Duration sweepInterval,
    @Min(1) int deletionConfirmations,
    @Min(1) @Max(50) int pageSize,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.google-reviews";
}
