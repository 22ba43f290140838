/**
 * The resilient HTTP core every platform client shares: retries with exponential backoff and jitter
 * that honour each platform's rate-limit signals, a circuit breaker per platform, typed errors and
 * rate-limit headroom. Waits go through a {@link dev.switchboard.channels.http.Sleeper} and time
 * through a {@link java.time.Clock}, so tests step time instead of sleeping. Rules:
 * channels/README.md.
 */
package dev.switchboard.channels.http;
