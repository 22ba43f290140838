package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The Care Opinion connectors ({@code switchboard.connectors.care-opinion.*}); the services
 * themselves are {@link CareOpinionServiceSettings}, their subscription keys come from the
 * environment ({@link CareOpinionSecrets}).
 *
 * @param pollingEnabled whether the services are polled on a schedule
 * @param apiUrl the Care Opinion API base URL; tests point it at a fake
 * @param siteUrl the Care Opinion site the events' links point at
 * @param pollInterval the wait between two passes over one service
 * @param recheckWindow how far back each pass re-reads stories for edits, responses, withdrawals
 * @param pageSize stories per request (1–100)
 * @param requestsPerSecond the client-side limit shared by every service (Care Opinion allows 5)
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait Care Opinion may impose inside one request; longer ones
 *     delay the next pass instead
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(CareOpinionSettings.PREFIX)
public record CareOpinionSettings(
    boolean pollingEnabled,
    @NotBlank String apiUrl,
    @NotBlank String siteUrl,
    @NotNull Duration pollInterval,
    @NotNull Duration recheckWindow,
    @Min(1) @Max(100) int pageSize,
    @Min(1) @Max(5) int requestsPerSecond,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.care-opinion";
}
