package dev.switchboard.ingest.backfill;

/**
 * The import as a whole cannot start: unknown format or mapping, no header, a required column
 * missing. Nothing has been published when it is thrown. The message never quotes file content
 * beyond column names.
 */
public final class InvalidImportException extends Exception {

  /** Why the import cannot start, in words the person importing can act on. */
  public InvalidImportException(String message) {
    super(message);
  }
}
