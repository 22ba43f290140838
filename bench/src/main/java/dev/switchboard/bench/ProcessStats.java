package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** CPU time and memory of a running process, read from the operating system by process id. */
final class ProcessStats {

  private ProcessStats() {}

  /** Total CPU time (user + system) the process has used so far, or zero if unknown. */
  static Duration cpu(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(handle -> handle.info().totalCpuDuration())
        .orElse(Duration.ZERO);
  }

  /** Resident set size now ({@code VmRSS}), in bytes, where /proc has it. */
  static Optional<Long> rss(long pid) {
    return status(pid, "VmRSS:");
  }

  /** Peak resident set size ({@code VmHWM}), in bytes, where /proc has it. */
  static Optional<Long> peakRss(long pid) {
    return status(pid, "VmHWM:");
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Optional<Long> status(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key)) {
          String[] parts = line.substring(key.length()).strip().split("\\s+");
          return Optional.of(Long.parseLong(parts[0]) * 1024); // the kernel reports kB
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return Optional.empty();
  }
}
