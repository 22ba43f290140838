package dev.switchboard.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the webhook endpoints judge a request ({@code switchboard.webhook.*} in application.yml).
 *
 * @param maxBodyBytes the largest body accepted, in bytes; larger ones get 413 (keep {@code
 *     micronaut.server.max-request-size} equal)
 * @param maxTextLength the longest post text accepted, in characters
 * @param retryAfter what the 503 answer's {@code Retry-After} tells the caller to wait
 */
@ConfigurationProperties(WebhookSettings.PREFIX)
public record WebhookSettings(
    @Min(1) int maxBodyBytes, @Min(1) int maxTextLength, @NotNull Duration retryAfter) {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.webhook";
}
