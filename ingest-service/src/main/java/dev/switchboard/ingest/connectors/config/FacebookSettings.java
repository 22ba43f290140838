package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The Facebook connectors ({@code switchboard.connectors.facebook.*}); the Pages themselves are
 * {@link FacebookPageSettings}, the secrets come from the environment ({@link FacebookSecrets}).
 *
 * @param pollingEnabled whether the Pages are polled on a schedule (webhooks work either way)
 * @param graphUrl the Graph API base URL; tests point it at a fake
 * @param graphVersion the Graph API version in every path
 * @param pollInterval the wait between two polls of one Page
 * @param pageSize items per Graph request
 * @param maxAttempts attempts per Graph request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait Graph may impose inside one request; longer ones delay the
 *     next poll instead
 * @param connectTimeout how long a connection to Graph may take
 * @param readTimeout how long a Graph answer may take
 */
@ConfigurationProperties(FacebookSettings.PREFIX)
public record FacebookSettings(
    boolean pollingEnabled,
    @NotBlank String graphUrl,
    @NotBlank String graphVersion,
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
  public static final String PREFIX = "switchboard.connectors.facebook";
}
