package dev.switchboard.ingest.backfill;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: fields separated by commas, optionally quoted with {@code "}, a
 * quote inside a quoted field doubled, commas and line breaks allowed inside quotes; CRLF, LF or CR
 * line endings. Holds one row at a time, so a file of any size reads in constant memory. A
 * malformed row is returned with the reason and the reader carries on with the next line.
 */
public final class CsvReader implements RowReader {

  private static final int EOF = -1;

  private final Reader in;
  private final int maxRowChars;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long line = 1;
  private boolean pushedBack;
  private int pushedChar;

  /** A reader over {@code in} that refuses rows longer than {@code maxRowChars} characters. */
  public CsvReader(Reader in, int maxRowChars) {
    this.in = in;
    this.maxRowChars = maxRowChars;
  }

  @Override
  public SourceRow next() throws IOException {
    int c = read();
    // Blank lines between rows carry nothing; skipping them keeps a trailing newline harmless.
    while (c == '\n' || c == '\r') {
      c = endOfLine(c);
    }
    if (c == EOF) {
      return null;
    }
    long startLine = line;
    StringBuilder raw = new StringBuilder();
    StringBuilder field = new StringBuilder();
    List<String> fields = new ArrayList<>();
    String malformed = null;
    boolean tooLong = false;
    boolean notUtf8 = false;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    long quoteOpenedOn = 0;

    while (true) {
      if (c == EOF) {
        if (quoted) {
          malformed =
              first(
                  malformed,
                  "a quoted field opened on line "
                      + quoteOpenedOn
                      + " is not closed before the end of the file");
        }
        break;
      }
      if (!quoted && (c == '\n' || c == '\r')) {
        unread(endOfLine(c));
        break;
      }
      if (c == Utf8Input.NOT_UTF8) {
        notUtf8 = true;
      }
      if (raw.length() < maxRowChars) {
        raw.append((char) c);
      } else {
        tooLong = true;
      }
      if (quoted) {
        if (c == '"') {
          int after = read();
          if (after == '"') {
            append(raw, after);
            field.append('"');
          } else {
            quoted = false;
            if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
              malformed =
                  first(
                      malformed,
                      "unexpected text after the closing quote of field " + (fields.size() + 1));
            }
            unread(after);
          }
        } else {
          if (c == '\n') {
            line++;
          } else if (c == '\r') {
            int after = read();
            if (after != '\n') {
              line++;
            }
            unread(after);
          }
          field.append((char) c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '"') {
        if (field.length() == 0 && !fieldWasQuoted) {
          quoted = true;
          fieldWasQuoted = true;
          quoteOpenedOn = line;
        } else {
          malformed =
              first(
                  malformed,
                  "a quote inside the unquoted field "
                      + (fields.size() + 1)
                      + " (quote the whole field and double the quote)");
        }
      } else {
        field.append((char) c);
      }
      if (field.length() > maxRowChars) {
        // Keep scanning for the row's end but stop holding its text.
        field.setLength(0);
      }
      c = read();
    }
    fields.add(field.toString());
    if (notUtf8) {
      return SourceRow.bad(startLine, RejectReason.NOT_UTF8, "the row is not valid UTF-8");
    }
    if (tooLong) {
      return SourceRow.bad(
          startLine,
          RejectReason.ROW_TOO_LONG,
          "the row is longer than " + maxRowChars + " characters");
    }
    if (malformed != null) {
      return SourceRow.bad(startLine, RejectReason.MALFORMED_CSV, malformed);
    }
    return new SourceRow(startLine, raw.toString(), List.copyOf(fields), null);
  }

  private void append(StringBuilder raw, int c) {
    if (raw.length() < maxRowChars) {
      raw.append((char) c);
    }
  }

  private static String first(String existing, String reason) {
    return existing == null ? reason : existing;
  }

  /** Consumes the line ending that starts with {@code c}; returns the next character. */
  private int endOfLine(int c) throws IOException {
    line++;
    int next = read();
    if (c == '\r' && next == '\n') {
      next = read();
    }
    return next;
  }

  private void unread(int c) {
    pushedBack = true;
    pushedChar = c;
  }

  private int read() throws IOException {
    if (pushedBack) {
      pushedBack = false;
      return pushedChar;
    }
    if (position == limit) {
      limit = in.read(buffer);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position++];
  }
}
