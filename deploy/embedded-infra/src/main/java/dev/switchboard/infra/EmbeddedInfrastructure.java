package dev.switchboard.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kafka, OpenSearch and PostgreSQL as child processes of this JVM, started in parallel, with their
 * data in one folder: the default infrastructure of the tests and the local run. Each part is also
 * usable alone ({@link KafkaBroker}, {@link OpenSearchNode}, {@link Postgres}).
 */
public final class EmbeddedInfrastructure implements Infrastructure {

  /**
   * How to start: where the data lives and whether it is kept, fixed ports or 0 for free ones,
   * where the children's output lines go (besides a log file per child), and how long to wait.
   *
   * @param dataDirectory the folder for all three (created if missing); null for a new temporary
   *     folder, which is always deleted on close
   * @param keepData whether {@code dataDirectory} survives {@link #close()}, so the next start
   *     finds the same topics, indices and tables
   * @param kafkaPort the broker's client port, 0 for a free one
   * @param openSearchPort the REST port, 0 for a free one
   * @param postgresPort the PostgreSQL port, 0 for a free one
   * @param output receives (child name, line) for every line a child prints; null for log files
   *     only
   * @param startTimeout how long each child may take to become ready
   */
  public record Options(
      Path dataDirectory,
      boolean keepData,
      int kafkaPort,
      int openSearchPort,
      int postgresPort,
      BiConsumer<String, String> output,
      Duration startTimeout) {

    /** Free ports, a temporary folder deleted on close, output only to log files, 180 s. */
    public static Options defaults() {
      return new Options(null, false, 0, 0, 0, null, Duration.ofSeconds(180));
    }

    /** These options with data in {@code directory}, kept on close or not. */
    public Options withDataDirectory(Path directory, boolean keep) {
      return new Options(
          directory, keep, kafkaPort, openSearchPort, postgresPort, output, startTimeout);
    }

    /** These options with fixed ports (0 for a free one). */
    public Options withPorts(int kafka, int openSearch, int postgres) {
      return new Options(
          dataDirectory, keepData, kafka, openSearch, postgres, output, startTimeout);
    }

    /** These options sending every child's output lines, as (child name, line), to {@code sink}. */
    public Options withOutput(BiConsumer<String, String> sink) {
      return new Options(
          dataDirectory, keepData, kafkaPort, openSearchPort, postgresPort, sink, startTimeout);
    }

    /** These options with another start timeout per child. */
    public Options withStartTimeout(Duration timeout) {
      return new Options(
          dataDirectory, keepData, kafkaPort, openSearchPort, postgresPort, output, timeout);
    }
  }

  private static final String TEMP_PREFIX = "switchboard-infra-";
  private static final Pattern TEMP_OWNER = Pattern.compile("-pid(\\d+)-");

  private final Path directory;
  private final boolean deleteOnClose;
  private final FileChannel lockChannel;
  private final KafkaBroker kafka;
  private final OpenSearchNode openSearch;
  private final Postgres postgres;
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedInfrastructure(
      Path directory,
      boolean deleteOnClose,
      FileChannel lockChannel,
      KafkaBroker kafka,
      OpenSearchNode openSearch,
      Postgres postgres) {
    this.directory = directory;
    this.deleteOnClose = deleteOnClose;
    this.lockChannel = lockChannel;
    this.kafka = kafka;
    this.openSearch = openSearch;
    this.postgres = postgres;
    this.shutdownHook = new Thread(this::close, "embedded-infra-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts all three in parallel and returns once each is ready; on any failure stops those that
   * did start, removes a temporary folder, and throws with each failed child's last output.
   */
  public static EmbeddedInfrastructure start(Options options) {
    boolean temporary = options.dataDirectory() == null;
    if (temporary) {
      removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
    }
    Path directory;
    try {
      directory =
          temporary
              ? Files.createTempDirectory(
                  TEMP_PREFIX
                      + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                      + "-pid"
                      + ProcessHandle.current().pid()
                      + "-")
              : Files.createDirectories(options.dataDirectory().toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the infrastructure data folder", e);
    }
    boolean deleteOnClose = temporary || !options.keepData();
    FileChannel lock = lock(directory);
    Duration timeout = options.startTimeout();
    CompletableFuture<KafkaBroker> kafka =
        async(
            () ->
                KafkaBroker.start(
                    directory.resolve(KafkaBroker.NAME),
                    options.kafkaPort(),
                    options.output(),
                    timeout));
    CompletableFuture<OpenSearchNode> openSearch =
        async(
            () ->
                OpenSearchNode.start(
                    directory.resolve(OpenSearchNode.NAME),
                    options.openSearchPort(),
                    options.output(),
                    timeout));
    CompletableFuture<Postgres> postgres =
        async(
            () ->
                Postgres.start(
                    directory.resolve(Postgres.NAME),
                    options.postgresPort(),
                    options.output(),
                    timeout));
    List<RuntimeException> failures = new ArrayList<>();
    KafkaBroker k = join(kafka, failures);
    OpenSearchNode o = join(openSearch, failures);
    Postgres p = join(postgres, failures);
    if (failures.isEmpty()) {
      return new EmbeddedInfrastructure(directory, deleteOnClose, lock, k, o, p);
    }
    stopAll(k, o, p);
    release(lock);
    if (deleteOnClose) {
      delete(directory);
    }
    IllegalStateException failure =
        new IllegalStateException(
            "embedded infrastructure did not start ("
                + failures.size()
                + " of 3 failed): "
                + failures.get(0).getMessage());
    failures.forEach(failure::addSuppressed);
    throw failure;
  }

  /**
   * Deletes temporary folders left by JVMs that were killed before their shutdown hook ran (their
   * children stop by themselves); a folder whose owner still runs is left alone.
   */
  private static void removeLeftovers(Path tmp) {
    try (Stream<Path> entries = Files.list(tmp)) {
      entries
          .filter(path -> path.getFileName().toString().startsWith(TEMP_PREFIX))
          .forEach(
              path -> {
                Matcher owner = TEMP_OWNER.matcher(path.getFileName().toString());
                if (owner.find() && ProcessHandle.of(Long.parseLong(owner.group(1))).isEmpty()) {
                  try {
                    delete(path);
                  } catch (RuntimeException e) {
                    // another JVM is removing it, or it is not ours to remove
                  }
                }
              });
    } catch (IOException | RuntimeException e) {
      // best effort: leftovers only cost disk space
    }
  }

  private static <T> CompletableFuture<T> async(Supplier<T> start) {
    CompletableFuture<T> future = new CompletableFuture<>();
    // own threads, not the common pool: each start blocks for seconds
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(start.get());
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            "embedded-infra-start");
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private static <T> T join(CompletableFuture<T> future, List<RuntimeException> failures) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      failures.add(
          cause instanceof RuntimeException runtime
              ? runtime
              : new IllegalStateException(cause.getMessage(), cause));
      return null;
    }
  }

  /**
   * Locks the folder for this JVM: two brokers on one Kafka log dir wedge the first, and two
   * PostgreSQL servers cannot share a data dir, so a second user fails at once with the reason.
   */
  private static FileChannel lock(Path directory) {
    Path lockFile = directory.resolve(".switchboard-infra.lock");
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            directory
                + " is in use by another embedded infrastructure; stop it or use another folder");
      }
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
  }

  private static void release(FileChannel lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // the lock goes with the channel, and with the JVM at the latest
    }
  }

  private static void stopAll(AutoCloseable... parts) {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (AutoCloseable part : parts) {
      if (part != null) {
        stops.add(
            async(
                () -> {
                  try {
                    part.close();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return null;
                }));
      }
    }
    List<RuntimeException> failures = new ArrayList<>();
    stops.forEach(stop -> join(stop, failures));
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("could not stop all of the embedded infrastructure");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String openSearchUrl() {
    return openSearch.url();
  }

  @Override
  public String jdbcUrl(String database) {
    return postgres.jdbcUrl(database);
  }

  @Override
  public String postgresUser() {
    return Postgres.USER;
  }

  @Override
  public String postgresPassword() {
    return Postgres.PASSWORD;
  }

  /** The running broker. */
  public KafkaBroker kafka() {
    return kafka;
  }

  /** The running OpenSearch node. */
  public OpenSearchNode openSearch() {
    return openSearch;
  }

  /** The running PostgreSQL server. */
  public Postgres postgres() {
    return postgres;
  }

  /** The folder holding the data and a log file of each child. */
  public Path dataDirectory() {
    return directory;
  }

  /** Stops the three children in parallel, then deletes the folder unless it is kept. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: this call may be that hook
    }
    try {
      stopAll(kafka, openSearch, postgres);
    } finally {
      release(lockChannel);
      if (deleteOnClose) {
        delete(directory);
      }
    }
  }
}
