package dev.switchboard.ingest.connectors;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Polling cursors by connector id (production: the compacted {@code ingest-cursors} topic). */
public interface CursorStore {

  /** The last cursor written for {@code connectorId}, reading the store to its end first. */
  Optional<String> read(String connectorId);

  /** Writes {@code cursor}; the future completes when it is durable (acknowledged). */
  CompletableFuture<?> write(String connectorId, String cursor);
}
