package dev.switchboard.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A child JVM (or other program) whose merged stdout/stderr goes line by line to a log file, an
 * optional sink and a watcher, and whose last lines are kept for error messages.
 */
final class ChildProcess implements AutoCloseable {

  private static final int TAIL_LINES = 60;
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Thread pump;
  private final Deque<String> tail = new ArrayDeque<>();

  private ChildProcess(String name, Process process, Path logFile, Thread pump) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.pump = pump;
  }

  /**
   * Starts {@code command} in {@code workDir}. Its stdin stays open and unused: the Switchboard
   * mains exit when it closes, which is how a child learns that its parent died.
   */
  static ChildProcess start(
      String name,
      List<String> command,
      Path workDir,
      Path logFile,
      BiConsumer<String, String> sink,
      Consumer<String> watcher) {
    try {
      Files.createDirectories(workDir);
      Process process =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
      ChildProcess[] self = new ChildProcess[1];
      Writer log =
          Files.newBufferedWriter(
              logFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
      Thread pump = new Thread(() -> self[0].pumpOutput(log, sink, watcher), name + "-output");
      pump.setDaemon(true);
      self[0] = new ChildProcess(name, process, logFile, pump);
      pump.start();
      return self[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** The java binary of this JVM, so children run on the same JDK as their parent. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** JVM flags a child needs on this JDK beyond its heap. */
  static List<String> jvmFlags() {
    List<String> flags = new ArrayList<>();
    if (Runtime.version().feature() >= 24) {
      // Kafka, Netty and Lucene still use sun.misc.Unsafe; JDK 24+ warns or refuses without this.
      flags.add("--sun-misc-unsafe-memory-access=allow");
      flags.add("--enable-native-access=ALL-UNNAMED");
    }
    return flags;
  }

  private void pumpOutput(Writer log, BiConsumer<String, String> sink, Consumer<String> watcher) {
    try (log;
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.write(line);
        log.write(System.lineSeparator());
        log.flush();
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
        if (watcher != null) {
          watcher.accept(line);
        }
        if (sink != null) {
          sink.accept(name, line);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the stream ends with the process; nothing else to report
    }
  }

  /**
   * Whether process {@code pid} is running. A zombie is not: a daemon whose parent already exited
   * (the postmaster, started by pg_ctl) is left for PID 1 to reap, which may take its time.
   */
  static boolean running(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (IOException | RuntimeException e) {
        // no procfs (not Linux), or the process is gone by now
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      }
    }
    return false;
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  /** The last lines the process printed, for an error message. */
  String tail() {
    synchronized (tail) {
      return tail.isEmpty()
          ? "(no output; log: " + logFile + ")"
          : String.join(System.lineSeparator(), tail);
    }
  }

  /** Waits for a process that is meant to end (a tool), returning its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw failure(name + " did not finish within " + timeout);
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  /**
   * Polls {@code ready} until it holds, failing fast (with the output tail) if the process dies and
   * after {@code timeout}.
   */
  void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw failure(name + " exited with code " + process.exitValue() + " before " + what);
      }
      if (ready.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw failure(name + " was not " + what + " within " + timeout);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
  }

  /** An exception naming the log file and quoting the last lines of output. */
  IllegalStateException failure(String message) {
    try {
      pump.join(500); // let the last lines of a dying process reach the tail
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException(
        message + " (log: " + logFile + "); last output:" + System.lineSeparator() + tail());
  }

  /** Asks the process to stop (stdin closed, SIGTERM), then kills it if it has not in 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try (OutputStream stdin = process.getOutputStream()) {
      // closing stdin is the child's signal to shut down cleanly
    } catch (IOException e) {
      // already closed
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
