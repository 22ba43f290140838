package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * The WordPress connectors ({@code switchboard.connectors.wordpress.*}); the blogs themselves are
 * {@link WordPressBlogSettings}, their application passwords come from the environment ({@link
 * WordPressSecrets}).
 *
 * @param pollingEnabled whether the blogs are polled on a schedule
 * @param statuses the comment statuses polled, one request each ({@code approve}, {@code hold},
 *     {@code spam}, {@code trash})
 * @param pollInterval the wait between two polls of one blog
 * @param pageSize comments per request (at most 100)
 * @param editWindow how far back each pass re-reads comments to notice edits
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest {@code Retry-After} honoured inside one request; longer ones
 *     delay the next poll instead
 * @param connectTimeout how long a connection to a blog may take
 * @param readTimeout how long a blog's answer may take
 */
@ConfigurationProperties(WordPressSettings.PREFIX)
public record WordPressSettings(
    boolean pollingEnabled,
    @NotEmpty List<String> statuses,
    @NotNull Duration pollInterval,
    @Min(1) @Max(100) int pageSize,
    @NotNull Duration editWindow,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.wordpress";
}
