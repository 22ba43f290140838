package dev.switchboard.ingest.web;

/** The problem type slugs this service answers with, besides Micronaut's own statuses. */
public final class Problems {

  private Problems() {}

  /** 413: the body is larger than the configured limit. */
  public static final String BODY_TOO_LARGE = "body-too-large";

  /** 404: the account has no webhook secret configured. */
  public static final String UNKNOWN_ACCOUNT = "unknown-account";

  /** 401: no {@code X-Hub-Signature-256} header. */
  public static final String MISSING_SIGNATURE = "missing-signature";

  /** 401: the header is not {@code sha256=} and 64 hex digits. */
  public static final String MALFORMED_SIGNATURE = "malformed-signature";

  /** 401: the signature does not match the body under the account's secret. */
  public static final String BAD_SIGNATURE = "bad-signature";

  /** 400: the body is not JSON of the documented shape, or a field is missing or wrong. */
  public static final String INVALID_BODY = "invalid-body";

  /** 503: Kafka did not acknowledge in time. */
  public static final String KAFKA_UNAVAILABLE = "kafka-unavailable";
}
