package dev.switchboard.channels.http;

import java.time.Instant;

/**
 * How much of its rate limit a platform says is left, as the last response told it.
 *
 * @param remainingPercent 0 (no calls left) to 100 (untouched)
 * @param observedAt when that response arrived
 */
public record RateLimitHeadroom(double remainingPercent, Instant observedAt) {}
