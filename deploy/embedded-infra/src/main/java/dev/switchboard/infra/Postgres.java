package dev.switchboard.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A PostgreSQL server on loopback from the zonky binaries on Maven Central (the server runs as its
 * own native process); {@link #jdbcUrl} creates databases on demand.
 */
public final class Postgres implements AutoCloseable {

  /** The name of this child in output lines and log files. */
  public static final String NAME = "postgres";

  /** The superuser zonky's initdb creates; local connections are trusted. */
  public static final String USER = "postgres";

  /** Any password is accepted (trust authentication); this one is handed out for clarity. */
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final Path logFile;
  private final Thread tailer;
  private final Process watchdog;
  private final Map<String, String> databases = new ConcurrentHashMap<>();

  private Duration startTime = Duration.ZERO;

  private Postgres(EmbeddedPostgres server, Path dataDir, Path logFile, Thread tailer) {
    this.server = server;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.tailer = tailer;
    this.watchdog = pid().isPresent() ? watchdog(pid().getAsLong()) : null;
  }

  /**
   * The postmaster is a daemon (pg_ctl's child, not ours), so nothing stops it if this JVM is
   * killed. This shell reads our pipe and, when the pipe closes because we died, asks the
   * postmaster for a fast shutdown. A normal close kills the shell first, so it never fires then.
   */
  private static Process watchdog(long postmasterPid) {
    try {
      return new ProcessBuilder(
              "sh",
              "-c",
              "while read -r _; do :; done; kill -INT " + postmasterPid + " 2>/dev/null")
          .redirectOutput(Redirect.DISCARD)
          .redirectError(Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      return null; // no sh: the server is still stopped by close() and the shutdown hook
    }
  }

  /**
   * Starts a server whose data lives in {@code dir} (initialised on first use, reused after) on
   * {@code port} (0 for a free one).
   *
   * @param output receives ({@value #NAME}, line) for each line the server logs; may be null
   */
  public static Postgres start(
      Path dir, int port, BiConsumer<String, String> output, Duration timeout) {
    Path dataDir = dir.resolve("data");
    Path logFile = dir.resolve("postgres.log");
    try {
      Files.createDirectories(dir);
      Files.writeString(logFile, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    long started = System.nanoTime();
    Thread tailer = output == null ? null : FileLines.follow(logFile, NAME, output);
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.orFree(port))
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
              .setPGStartupWait(timeout)
              // the owner (EmbeddedInfrastructure or the caller) stops it; a second hook would
              // race with that one at JVM exit
              .setRegisterShutdownHook(false)
              .start();
      Postgres postgres = new Postgres(server, dataDir, logFile, tailer);
      postgres.startTime = Duration.ofNanos(System.nanoTime() - started);
      return postgres;
    } catch (IOException | RuntimeException e) {
      if (tailer != null) {
        tailer.interrupt();
      }
      throw new IllegalStateException(
          "PostgreSQL did not start in "
              + dataDir
              + " (log: "
              + logFile
              + "); last output:"
              + System.lineSeparator()
              + FileLines.tail(logFile, 40),
          e);
    }
  }

  /**
   * {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, creating the database the first time.
   */
  public String jdbcUrl(String database) {
    return databases.computeIfAbsent(
        database,
        name -> {
          Databases.ensureExists(url("postgres"), USER, PASSWORD, name);
          return url(name);
        });
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** The server's port. */
  public int port() {
    return server.getPort();
  }

  /** The postmaster's process id, from its pid file. */
  public OptionalLong pid() {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0)));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** How long the start took, from launch until ready. */
  public Duration startTime() {
    return startTime;
  }

  /** The server's output, also kept when no sink was given. */
  public Path logFile() {
    return logFile;
  }

  /** Whether the postmaster is running. */
  public boolean isRunning() {
    OptionalLong pid = pid();
    return pid.isPresent() && ChildProcess.running(pid.getAsLong());
  }

  /** Stops the server (fast shutdown) and waits until the postmaster has exited. */
  @Override
  public void close() {
    OptionalLong pid = pid();
    if (watchdog != null) {
      watchdog.destroyForcibly();
    }
    try {
      server.close();
      // pg_ctl returns once the pid file is gone, slightly before the postmaster itself exits
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (pid.isPresent()
          && ChildProcess.running(pid.getAsLong())
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL in " + dataDir, e);
    } finally {
      if (tailer != null) {
        tailer.interrupt();
      }
    }
  }

  /** Follows a log file written by a process we do not own the streams of. */
  static final class FileLines {
    private FileLines() {}

    static Thread follow(Path file, String source, BiConsumer<String, String> output) {
      Thread thread =
          new Thread(
              () -> {
                try (BufferedReader reader =
                    Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                  while (!Thread.currentThread().isInterrupted()) {
                    String line = reader.readLine();
                    if (line == null) {
                      Thread.sleep(200);
                    } else {
                      output.accept(source, line);
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  // the file went away with its folder, or the sink failed: stop following
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              source + "-output");
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    static String tail(Path file, int lines) {
      try {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join(
            System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
      } catch (IOException e) {
        return "(cannot read " + file + ": " + e.getMessage() + ")";
      }
    }
  }
}
