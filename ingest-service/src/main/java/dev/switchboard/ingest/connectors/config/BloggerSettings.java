package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * The Blogger connectors ({@code switchboard.connectors.blogger.*}); the blogs are {@link
 * BloggerBlogSettings}, their credentials come from the environment ({@link BloggerSecrets}).
 *
 * @param pollingEnabled whether the blogs are polled on a schedule
 * @param apiUrl the Google APIs base URL; tests point it at a fake
 * @param statuses the comment statuses polled ({@code live}, {@code pending}, {@code spam}, {@code
 *     emptied}); with only an API key, {@code live} alone is readable
 * @param pollInterval the wait between two polls of one blog
 * @param pageSize comments per request ({@code maxResults})
 * @param editWindow how far back each pass re-reads comments to notice changes
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait between attempts (doubling, with jitter)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait honoured inside one request; longer ones delay the next
 *     poll instead
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
@ConfigurationProperties(BloggerSettings.PREFIX)
public record BloggerSettings(
    boolean pollingEnabled,
    @NotBlank String apiUrl,
    @NotEmpty List<String> statuses,
    @NotNull Duration pollInterval,
    @Min(1) @Max(500) int pageSize,
    @NotNull Duration editWindow,
    @Min(1) int maxAttempts,
    @NotNull Duration initialBackoff,
    @NotNull Duration maxBackoff,
    @NotNull Duration maxRetryAfter,
    @NotNull Duration connectTimeout,
    @NotNull Duration readTimeout)
    implements PlatformHttpSettings {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.blogger";
}
