package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The Instagram connectors ({@code switchboard.connectors.instagram.*}); the accounts themselves
 * are {@link InstagramAccountSettings}, the secrets come from the environment ({@link
 * InstagramSecrets}).
 *
 * @param pollingEnabled whether the accounts are polled on a schedule (webhooks work either way)
 * @param graphUrl the Graph API base URL (Instagram's API with Facebook Login lives on
 *     graph.facebook.com); tests point it at a fake
 * @param graphVersion the Graph API version in every path
 * @param pollInterval the wait between two polls of one account
 * @param pageSize items per Graph request
 * @param maxMedia how many of the newest media have their comments polled each pass
 * @param maxAttempts attempts per Graph request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait Graph may impose inside one request; longer ones delay the
 *     next poll instead
 * @param connectTimeout how long a connection to Graph may take
 * @param readTimeout how long a Graph answer may take
 */
@ConfigurationProperties(InstagramSettings.PREFIX)
public record InstagramSettings(
    boolean pollingEnabled,
    @NotBlank String graphUrl,
    @NotBlank String graphVersion,
    @NotNull Duration pollInterval,
    @Min(1) @Max(100) int pageSize,
    @Min(1) @Max(1000) int maxMedia,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.instagram";
}
