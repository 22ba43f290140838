package dev.switchboard.channels.webhook;

/** The outcome of checking a webhook signature header against the raw body. */
public enum SignatureCheck {
  /** The header is present, well formed and matches the body under the account's secret. */
  VALID,
  /** No signature header was sent. */
  MISSING,
  /** A header was sent but is not {@code sha256=} followed by 64 hex digits. */
  MALFORMED,
  /** A well-formed signature that does not match: wrong secret or a body changed in transit. */
  MISMATCH;

  /** Whether the request may be processed. */
  public boolean valid() {
    return this == VALID;
  }
}
