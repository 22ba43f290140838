package dev.switchboard.ingest.backfill;

import java.io.IOException;

/** The input went past the size limit while it was being read; the import stops there. */
public final class InputTooLargeException extends IOException {

  /** The input is larger than {@code limit} bytes. */
  public InputTooLargeException(long limit) {
    super("the input is larger than " + limit + " bytes");
  }
}
