package dev.switchboard.ingest.backfill;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read, for progress, and refuses to read past a limit (the upload limit). */
final class CountingInputStream extends FilterInputStream {

  private final long limit;
  private volatile long count;

  /** Counts {@code in}; {@code limit} 0 or less means no limit. */
  CountingInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void add(long n) throws InputTooLargeException {
    count += n;
    if (limit > 0 && count > limit) {
      throw new InputTooLargeException(limit);
    }
  }
}
