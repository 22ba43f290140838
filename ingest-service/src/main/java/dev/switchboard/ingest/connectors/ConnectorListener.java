package dev.switchboard.ingest.connectors;

import java.time.Instant;

/**
 * What a connector reports about its work, for metrics and {@code GET /api/connectors}. Never given
 * post text or author details.
 */
public interface ConnectorListener {

  /**
   * {@code count} events were acknowledged by Kafka; the newest item was created at {@code newest}.
   */
  default void published(String connectorId, int count, Instant newest) {}

  /** {@code count} platform items or answers were not in the documented shape and were skipped. */
  default void malformed(String connectorId, int count) {}

  /** A poll failed; {@code kind} is the failure's kind ({@code RATE_LIMITED}, {@code KAFKA}...). */
  default void failed(String connectorId, String kind) {}

  /** A poll completed without error at {@code at}. */
  default void succeeded(String connectorId, Instant at) {}

  /** A listener that ignores everything. */
  static ConnectorListener none() {
    return new ConnectorListener() {};
  }
}
