package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools) in a child JVM against the same broker: the
 * most this broker takes from one producer with the service's settings — the ceiling the webhook
 * rate is compared with.
 */
final class RawProducerRate {

  /** ProducerPerformance's closing summary. */
  record Result(
      long records,
      double recordsPerSecond,
      double megabytesPerSecond,
      double avgLatencyMs,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      Duration cpu,
      Duration wall,
      String command) {}

  /** The service's producer settings (ingest-service KafkaFactory), so the comparison is fair. */
  static final List<String> PRODUCER_PROPS =
      List.of(
          "acks=all",
          "enable.idempotence=true",
          "max.in.flight.requests.per.connection=5",
          "linger.ms=5",
          "batch.size=65536",
          "compression.type=lz4");

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms"
              + " 99th");

  private RawProducerRate() {}

  /**
   * Sends {@code records} records to {@code topic}: lines of {@code payloadFile} when given (real
   * channel events), else random records of {@code recordSize} bytes.
   */
  static Result run(String bootstrap, String topic, int records, Path payloadFile, int recordSize)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.apache.kafka.tools.ProducerPerformance");
    command.addAll(
        List.of(
            "--topic", topic, "--num-records", Integer.toString(records), "--throughput", "-1"));
    if (payloadFile != null) {
      command.addAll(
          List.of("--payload-file", payloadFile.toString(), "--payload-delimiter", "\n"));
    } else {
      command.addAll(List.of("--record-size", Integer.toString(recordSize)));
    }
    command.add("--producer-props");
    command.add("bootstrap.servers=" + bootstrap);
    command.addAll(PRODUCER_PROPS);

    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String summary = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        output.append(line).append('\n');
        if (SUMMARY.matcher(line).find()) {
          summary = line; // the last one is the total; earlier ones are 5-second windows
        }
      }
      Duration cpu = ProcessStats.cpu(process.pid());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("ProducerPerformance did not exit");
      }
      if (process.exitValue() != 0 || summary == null) {
        throw new IllegalStateException(
            "ProducerPerformance failed (exit " + process.exitValue() + "):\n" + output);
      }
      Matcher m = SUMMARY.matcher(summary);
      m.find();
      return new Result(
          Long.parseLong(m.group(1)),
          Double.parseDouble(m.group(2)),
          Double.parseDouble(m.group(3)),
          Double.parseDouble(m.group(4)),
          Double.parseDouble(m.group(6)),
          Double.parseDouble(m.group(7)),
          Double.parseDouble(m.group(8)),
          cpu,
          Duration.ofNanos(System.nanoTime() - started),
          String.join(" ", command.subList(command.indexOf("--topic"), command.size())));
    } finally {
      process.destroyForcibly();
    }
  }
}
