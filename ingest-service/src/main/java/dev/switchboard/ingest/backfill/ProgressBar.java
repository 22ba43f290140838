package dev.switchboard.ingest.backfill;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The command's progress: rows and bytes read, rate and time left. On a terminal one line redrawn
 * in place at most every {@code interval}; otherwise (a log file, CI) a plain line per interval, so
 * the output stays readable without carriage returns.
 */
public final class ProgressBar implements BackfillImport.Progress {

  private static final int WIDTH = 24;

  private final PrintStream out;
  private final Clock clock;
  private final long totalBytes;
  private final boolean terminal;
  private final Duration interval;
  private final Instant started;
  private Instant lastDrawn;

  /**
   * A bar on {@code out}; {@code totalBytes} is the file's size (0 or less when unknown, then no
   * percentage or time left is shown).
   */
  public ProgressBar(
      PrintStream out, Clock clock, long totalBytes, boolean terminal, Duration interval) {
    this.out = out;
    this.clock = clock;
    this.totalBytes = totalBytes;
    this.terminal = terminal;
    this.interval = interval;
    this.started = clock.instant();
  }

  @Override
  public void update(long rows, long bytes) {
    Instant now = clock.instant();
    if (lastDrawn != null && Duration.between(lastDrawn, now).compareTo(interval) < 0) {
      return;
    }
    lastDrawn = now;
    draw(render(rows, bytes, now));
  }

  @Override
  public void finish(long rows, long bytes) {
    draw(render(rows, bytes, clock.instant()));
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void draw(String line) {
    if (terminal) {
      // \r and clear-to-end-of-line: the line is redrawn in place, a shorter one leaves no residue.
      out.print("\r" + line + "\u001b[K");
      out.flush();
    } else {
      out.println(line);
    }
  }

  /** The progress line for {@code rows} and {@code bytes} read at {@code now}. */
  public String render(long rows, long bytes, Instant now) {
    double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
    StringBuilder line = new StringBuilder();
    boolean known = totalBytes > 0;
    if (known) {
      double done = Math.min(1.0, (double) bytes / totalBytes);
      int filled = (int) Math.floor(done * WIDTH);
      line.append('[')
          .append("#".repeat(filled))
          .append("-".repeat(WIDTH - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(done * 100)))
          .append("  ");
    }
    line.append(String.format(Locale.ROOT, "%,d rows  ", rows)).append(bytes(bytes));
    if (known) {
      line.append(" / ").append(bytes(totalBytes));
    }
    line.append(String.format(Locale.ROOT, "  %,.0f rows/s  ", rows / seconds))
        .append(bytes((long) (bytes / seconds)))
        .append("/s");
    if (known) {
      double bytesPerSecond = bytes / seconds;
      line.append("  ETA ");
      if (bytes >= totalBytes) {
        line.append("0:00");
      } else if (bytesPerSecond <= 0) {
        line.append("--:--");
      } else {
        line.append(duration((long) Math.ceil((totalBytes - bytes) / bytesPerSecond)));
      }
    }
    return line.toString();
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String duration(long seconds) {
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long secs = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }
}
