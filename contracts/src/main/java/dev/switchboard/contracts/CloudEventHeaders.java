package dev.switchboard.contracts;

/**
 * CloudEvents attributes carried as Kafka headers on every record (binary content mode, with the
 * {@code ce_} prefix of the CloudEvents Kafka binding). Values are UTF-8 strings.
 */
public final class CloudEventHeaders {

  private CloudEventHeaders() {}

  /**
   * The event id consumers deduplicate on: {@code eventId} of a channel or case event, the wrapped
   * {@code event.eventId} of a classified event, {@code commandId} of a moderation command or
   * outcome, {@code alertId} of an SLA alert.
   */
  public static final String ID = "ce_id";

  /** The producing service, e.g. {@code /switchboard/ingest-service}. */
  public static final String SOURCE = "ce_source";

  /** The record type, the {@code CE_TYPE} constant of each record. */
  public static final String TYPE = "ce_type";

  /** When the event happened, RFC 3339. */
  public static final String TIME = "ce_time";

  /** Always {@code 1.0}. */
  public static final String SPEC_VERSION = "ce_specversion";

  /** Source of the ingest service. */
  public static final String SOURCE_INGEST = "/switchboard/ingest-service";

  /** Source of the classify service. */
  public static final String SOURCE_CLASSIFY = "/switchboard/classify-service";

  /** Source of the response service. */
  public static final String SOURCE_RESPONSE = "/switchboard/response-service";

  /** Source of the moderation service. */
  public static final String SOURCE_MODERATION = "/switchboard/moderation-service";
}
