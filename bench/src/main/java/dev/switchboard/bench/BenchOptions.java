package dev.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The command-line options of {@link IngestBench}; {@code --help} lists them.
 *
 * @param duration how long the webhook load is measured, after the warm-up
 * @param warmUp how long the webhook load runs first without being counted
 * @param concurrency how many HTTP clients post at once, each waiting for its answer
 * @param rawRecords how many records the raw producer run sends
 * @param recordSize 0 to give the raw producer real channel events sampled from the topic; else
 *     random records of this many bytes
 * @param partitions partitions of the channel-events topic and of the raw producer's topic
 * @param ingestHeap the ingest JVM's {@code -Xmx}
 * @param home the checkout, where {@code ingest-service/target} holds the service's jar
 */
public record BenchOptions(
    Duration duration,
    Duration warmUp,
    int concurrency,
    int rawRecords,
    int recordSize,
    int partitions,
    String ingestHeap,
    Path home) {

  /** What each option means, printed by {@code --help}. */
  public static final String USAGE =
      """
      IngestBench: webhook events accepted per second by ingest-service (each acknowledged by
      Kafka) beside the raw Kafka producer rate, measured on one embedded broker in the same run.

        --duration 60s       measured webhook load (s, ms or m suffix)
        --warm-up 15s        webhook load before measuring, not counted
        --concurrency 32     HTTP clients posting at once (HTTP/1.1 keep-alive)
        --raw-records 300000 records sent by Kafka's ProducerPerformance
        --record-size 0      0: real channel events from the warm-up; N: random N-byte records
        --partitions 6       partitions of both topics (the service's default)
        --ingest-heap 512m   -Xmx of the ingest JVM
        --home .             the checkout (ingest-service/target must hold the packaged jar)
      """;

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming a bad option. */
  public static BenchOptions parse(String... args) {
    BenchOptions options =
        new BenchOptions(
            Duration.ofSeconds(60),
            Duration.ofSeconds(15),
            32,
            300_000,
            0,
            6,
            "512m",
            Path.of(System.getProperty("switchboard.home", ".")));
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      options =
          switch (name) {
            case "--duration" -> options.with(duration(value), null, null, null, null, null);
            case "--warm-up" -> options.with(null, duration(value), null, null, null, null);
            case "--concurrency" ->
                options.with(null, null, positive(name, value), null, null, null);
            case "--raw-records" ->
                options.with(null, null, null, positive(name, value), null, null);
            case "--record-size" -> options.with(null, null, null, null, number(name, value), null);
            case "--partitions" ->
                options.with(null, null, null, null, null, positive(name, value));
            case "--ingest-heap" ->
                new BenchOptions(
                    options.duration,
                    options.warmUp,
                    options.concurrency,
                    options.rawRecords,
                    options.recordSize,
                    options.partitions,
                    value,
                    options.home);
            case "--home" ->
                new BenchOptions(
                    options.duration,
                    options.warmUp,
                    options.concurrency,
                    options.rawRecords,
                    options.recordSize,
                    options.partitions,
                    options.ingestHeap,
                    Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + name);
          };
    }
    return options;
  }

  private BenchOptions with(
      Duration duration,
      Duration warmUp,
      Integer concurrency,
      Integer rawRecords,
      Integer recordSize,
      Integer partitions) {
    return new BenchOptions(
        duration == null ? this.duration : duration,
        warmUp == null ? this.warmUp : warmUp,
        concurrency == null ? this.concurrency : concurrency,
        rawRecords == null ? this.rawRecords : rawRecords,
        recordSize == null ? this.recordSize : recordSize,
        partitions == null ? this.partitions : partitions,
        ingestHeap,
        home);
  }

  /** {@code 60s}, {@code 1500ms}, {@code 2m}. */
  static Duration duration(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      } else if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("not a duration (e.g. 60s, 1500ms, 2m): " + value);
  }

  private static int positive(String name, String value) {
    int n = number(name, value);
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
    return n;
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a whole number: " + value);
    }
  }
}
