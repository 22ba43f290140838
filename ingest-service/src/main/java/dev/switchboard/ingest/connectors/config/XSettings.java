package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The X connectors ({@code switchboard.connectors.x.*}); the accounts themselves are {@link
 * XAccountSettings}, their tokens come from the environment ({@link XSecrets}).
 *
 * @param pollingEnabled whether the accounts are polled on a schedule
 * @param apiUrl the X API base URL; tests point it at a fake
 * @param pollInterval the wait between two passes over one account
 * @param pageSize mentions per request (5–100)
 * @param dmPageSize DM events per request (1–100)
 * @param dmRecheck how long direct messages stay off after X refused them (403)
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait X may impose inside one request; longer ones (a spent
 *     15-minute window) delay the next pass instead
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(XSettings.PREFIX)
public record XSettings(
    boolean pollingEnabled,
    @NotBlank String apiUrl,
    @NotNull Duration pollInterval,
    @Min(5) @Max(100) int pageSize,
    @Min(1) @Max(100) int dmPageSize,
    @NotNull Duration dmRecheck,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.x";
}
