package dev.switchboard.ingest.backfill.config;

import dev.switchboard.ingest.backfill.BackfillImport;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The backfill import ({@code switchboard.backfill.*} in application.yml).
 *
 * @param token the bearer token {@code POST /api/backfill} requires; empty or absent disables it
 * @param maxBodyBytes the largest upload accepted, in bytes; larger ones get 413 (keep {@code
 *     micronaut.server.max-request-size} equal)
 * @param maxRowChars the longest row accepted, in characters; longer rows are rejected
 * @param maxInFlight rows sent to Kafka and not yet acknowledged, at most (bounds memory)
 * @param retryAfter what the 503 answer's {@code Retry-After} tells the caller to wait
 */
@ConfigurationProperties(BackfillSettings.PREFIX)
public record BackfillSettings(
    @Nullable String token,
    @Min(1) long maxBodyBytes,
    @Min(1) int maxRowChars,
    @Min(1) int maxInFlight,
    @Nullable Duration retryAfter) {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.backfill";

  /** Whether a token is configured, and so the endpoint is on. */
  public boolean enabled() {
    return token != null && !token.isBlank();
  }

  /** The import limits these settings give. */
  public BackfillImport.Limits limits() {
    return new BackfillImport.Limits(maxBodyBytes, maxRowChars, maxInFlight);
  }
}
