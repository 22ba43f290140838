package dev.switchboard.channels.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform call that did not give a usable answer, typed so a caller knows what to do next: wait
 * ({@link Kind#RATE_LIMITED}), try again later ({@link Kind#RETRYABLE}), give up on this request
 * ({@link Kind#PERMANENT}) or skip a reply it cannot read ({@link Kind#MALFORMED_RESPONSE}). The
 * message never holds a post's text: only the platform's error.
 */
public final class PlatformException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, and so what the caller should do. */
  public enum Kind {
    /** The platform said slow down (429, Graph codes 4/17/32/613, X's 429); wait and retry. */
    RATE_LIMITED,
    /** A 5xx, a timeout, a refused connection or an open circuit: it may work later. */
    RETRYABLE,
    /** A 4xx that retrying cannot fix (bad token, missing permission, unknown id). */
    PERMANENT,
    /** A 2xx whose body is not the documented shape. */
    MALFORMED_RESPONSE
  }

  /** The code of the failure an open circuit breaker reports, instead of calling the platform. */
  public static final String CIRCUIT_OPEN = "circuit-open";

  private final Kind kind;
  private final String platform;
  private final int httpStatus;
  private final String errorCode;
  private final String platformMessage;
  private final Duration retryAfter;

  /**
   * A failure of {@code platform}'s API.
   *
   * @param httpStatus the HTTP status, 0 when no response arrived
   * @param errorCode the platform's own error code (Graph {@code code[/error_subcode]}), or null
   * @param platformMessage the platform's error message (never post text), or null
   * @param retryAfter how long the platform asked us to wait, or null when it did not say
   */
  public PlatformException(
      Kind kind,
      String platform,
      int httpStatus,
      String errorCode,
      String platformMessage,
      Duration retryAfter,
      Throwable cause) {
    super(
        platform
            + " "
            + kind
            + (httpStatus > 0 ? " HTTP " + httpStatus : "")
            + (errorCode != null ? " code " + errorCode : "")
            + (platformMessage != null ? ": " + platformMessage : ""),
        cause);
    this.kind = kind;
    this.platform = platform;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.platformMessage = platformMessage;
    this.retryAfter = retryAfter;
  }

  /** What kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** The platform's name, as given to its {@link PlatformRules}. */
  public String platform() {
    return platform;
  }

  /** The HTTP status, 0 when no response arrived (timeout, connection, open circuit). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The platform's own error code, if it gave one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The platform's error message, if it gave one. */
  public Optional<String> platformMessage() {
    return Optional.ofNullable(platformMessage);
  }

  /** How long the platform asked us to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether trying the same request again later can succeed. */
  public boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.RETRYABLE;
  }
}
