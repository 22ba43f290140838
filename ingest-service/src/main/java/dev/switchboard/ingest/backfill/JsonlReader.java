package dev.switchboard.ingest.backfill;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads JSON Lines: one row per line (LF or CRLF), blank lines skipped. The JSON itself is parsed
 * by the mapping; this only cuts lines, refusing (and skipping) one longer than the limit instead
 * of holding it.
 */
public final class JsonlReader implements RowReader {

  private final Reader in;
  private final int maxRowChars;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long line;
  private boolean ended;

  /** A reader over {@code in} that refuses lines longer than {@code maxRowChars} characters. */
  public JsonlReader(Reader in, int maxRowChars) {
    this.in = in;
    this.maxRowChars = maxRowChars;
  }

  @Override
  public SourceRow next() throws IOException {
    while (!ended) {
      line++;
      StringBuilder text = new StringBuilder();
      boolean tooLong = false;
      boolean notUtf8 = false;
      boolean sawAnything = false;
      while (true) {
        int c = read();
        if (c == -1) {
          ended = true;
          break;
        }
        sawAnything = true;
        if (c == '\n') {
          break;
        }
        if (c == Utf8Input.NOT_UTF8) {
          notUtf8 = true;
        }
        if (text.length() < maxRowChars) {
          text.append((char) c);
        } else {
          tooLong = true;
        }
      }
      if (!sawAnything && ended) {
        return null;
      }
      if (notUtf8) {
        return SourceRow.bad(line, RejectReason.NOT_UTF8, "the line is not valid UTF-8");
      }
      if (tooLong) {
        return SourceRow.bad(
            line,
            RejectReason.ROW_TOO_LONG,
            "the line is longer than " + maxRowChars + " characters");
      }
      int end = text.length();
      if (end > 0 && text.charAt(end - 1) == '\r') {
        text.setLength(end - 1);
      }
      if (!text.toString().isBlank()) {
        return new SourceRow(line, text.toString(), null, null);
      }
    }
    return null;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }
}
