package dev.switchboard.bench;

import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.KafkaBroker;
import dev.switchboard.stack.ServiceProcess;
import dev.switchboard.stack.ServiceSpec;
import dev.switchboard.stack.Stack;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Webhook events accepted per second by ingest-service, each acknowledged by Kafka, beside the raw
 * Kafka producer rate on the same embedded broker in the same run (bench/README.md). Starts and
 * stops everything it measures.
 */
public final class IngestBench {

  private static final String ACCOUNT = "bench-trust";
  private static final String CHANNEL_EVENTS = Topics.CHANNEL_EVENTS;
  private static final String RAW_TOPIC = "bench.raw-producer";
  private static final int PAYLOAD_SAMPLE = 2000;

  private IngestBench() {}

  /** Runs the benchmark with the options of {@link BenchOptions#USAGE}; exit 2 on a bad option. */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Report report = run(options, System.out::println);
    System.out.println(report.text());
  }

  /** What one run measured; {@link #text()} is the printed report. */
  public record Report(double webhookPerSecond, double rawPerSecond, long accepted, String text) {}

  /** Runs one benchmark, printing progress to {@code progress}. */
  public static Report run(BenchOptions options, java.util.function.Consumer<String> progress)
      throws Exception {
    Path jar = Stack.jar(options.home(), "ingest-service");
    String loadBefore = ProcessStats.loadAverage();
    Path dir = Files.createTempDirectory("switchboard-bench-");
    try (KafkaBroker broker =
        KafkaBroker.start(dir.resolve("kafka"), 0, null, Duration.ofSeconds(180))) {
      progress.accept("bench: Kafka broker up at " + broker.bootstrapServers());
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      String secretText = HexFormat.of().formatHex(secret);
      int port = freePort();
      List<String> jvm = List.of("-Xmx" + options.ingestHeap());
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      env.put("INGEST_PORT", Integer.toString(port));
      env.put("SWITCHBOARD_TOPIC_PARTITIONS", Integer.toString(options.partitions()));
      env.put("SWITCHBOARD_WEBHOOK_SECRET_BENCH_TRUST", secretText);
      ServiceSpec spec = new ServiceSpec("ingest", jar, port, "/health", jvm, env);
      // Its output is kept for the failure message only: the bench prints its own report.
      try (ServiceProcess ingest = ServiceProcess.start(spec, line -> {})) {
        ingest.awaitHealthy(Duration.ofSeconds(120));
        progress.accept("bench: ingest-service up (pid " + ingest.pid() + ")");
        String runId = Long.toHexString(System.nanoTime());
        WebhookLoad load =
            new WebhookLoad(
                ingest.spec().baseUrl(),
                ACCOUNT,
                secretText.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                runId);

        // One post first: a service that refuses the bench's posts fails here, with its output.
        String first = load.prime();
        if (!first.startsWith("202")) {
          throw new IllegalStateException(
              "the first webhook was not accepted: "
                  + first
                  + "\ningest output:\n"
                  + ingest.tail());
        }
        progress.accept("bench: warm-up " + options.warmUp().toSeconds() + " s");
        load.run(options.concurrency(), Duration.ZERO, options.warmUp());

        Path payloads = null;
        double eventSize;
        try (Admin admin = admin(broker.bootstrapServers())) {
          admin
              .createTopics(List.of(new NewTopic(RAW_TOPIC, options.partitions(), (short) 1)))
              .all()
              .get();
          List<byte[]> sample = sample(broker.bootstrapServers(), options.partitions());
          eventSize = sample.stream().mapToInt(v -> v.length).average().orElse(0);
          if (options.recordSize() == 0) {
            payloads = dir.resolve("channel-events.payloads");
            try (OutputStream out = Files.newOutputStream(payloads)) {
              for (byte[] value : sample) {
                out.write(value);
                out.write('\n');
              }
            }
          }
        }

        progress.accept("bench: raw producer, " + options.rawRecords() + " records");
        Duration brokerCpu0 = ProcessStats.cpu(broker.pid());
        RawProducerRate.Result raw =
            RawProducerRate.run(
                broker.bootstrapServers(),
                RAW_TOPIC,
                options.rawRecords(),
                payloads,
                options.recordSize());
        Duration brokerCpuRaw = ProcessStats.cpu(broker.pid()).minus(brokerCpu0);

        progress.accept("bench: webhook load " + options.duration().toSeconds() + " s");
        Duration ingestCpu0 = ProcessStats.cpu(ingest.pid());
        Duration brokerCpu1 = ProcessStats.cpu(broker.pid());
        WebhookLoad.Result hooks =
            load.run(options.concurrency(), Duration.ofSeconds(2), options.duration());
        // The 2 s lead-in lets the clients reach steady state; CPU is read over the same span.
        Duration ingestCpu = ProcessStats.cpu(ingest.pid()).minus(ingestCpu0);
        Duration brokerCpuHooks = ProcessStats.cpu(broker.pid()).minus(brokerCpu1);
        Optional<Long> rss = ProcessStats.rss(ingest.pid());
        Optional<Long> peak = ProcessStats.peakRss(ingest.pid());
        String loadAfter = ProcessStats.loadAverage();

        double hookSeconds = options.duration().toNanos() / 1e9 + 2;
        String text =
            String.join(
                "\n",
                "",
                "== IngestBench " + Instant.now() + " ==",
                String.format(
                    Locale.ROOT,
                    "machine: %d cores, load average %s before, %s after; %s %s",
                    Runtime.getRuntime().availableProcessors(),
                    loadBefore,
                    loadAfter,
                    System.getProperty("java.vm.name"),
                    System.getProperty("java.version")),
                String.format(
                    Locale.ROOT,
                    "setup: one embedded Kafka 4.1.2 broker (KRaft), topics with %d partitions;"
                        + " ingest-service jar, %s; typical channel event %.0f bytes",
                    options.partitions(),
                    String.join(" ", jvm),
                    eventSize),
                "",
                String.format(
                    Locale.ROOT,
                    "raw Kafka producer (ProducerPerformance, %s): %,.0f records/s, %.2f MB/s;"
                        + " latency avg %.1f ms, p50 %.0f, p95 %.0f, p99 %.0f ms; broker CPU %.1f s"
                        + " over %.1f s",
                    payloads != null
                        ? "real channel events, " + String.join(" ", RawProducerRate.PRODUCER_PROPS)
                        : options.recordSize()
                            + "-byte random records, "
                            + String.join(" ", RawProducerRate.PRODUCER_PROPS),
                    raw.recordsPerSecond(),
                    raw.megabytesPerSecond(),
                    raw.avgLatencyMs(),
                    raw.p50Ms(),
                    raw.p95Ms(),
                    raw.p99Ms(),
                    brokerCpuRaw.toMillis() / 1000.0,
                    raw.wall().toMillis() / 1000.0),
                String.format(
                    Locale.ROOT,
                    "webhooks accepted (202 = Kafka acknowledged): %,.0f posts/s over %d s with %d"
                        + " clients (%,d accepted); latency of the 202s p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms",
                    hooks.perSecond(),
                    options.duration().toSeconds(),
                    options.concurrency(),
                    hooks.accepted(),
                    hooks.percentileMillis(50),
                    hooks.percentileMillis(95),
                    hooks.percentileMillis(99)),
                "not accepted, by status: " + (hooks.errors().isEmpty() ? "none" : hooks.errors()),
                String.format(
                    Locale.ROOT,
                    "ingest process: CPU %.1f s in %.0f s (%.2f cores), RSS %s, peak RSS %s;"
                        + " broker CPU %.1f s",
                    ingestCpu.toMillis() / 1000.0,
                    hookSeconds,
                    ingestCpu.toMillis() / 1000.0 / hookSeconds,
                    rss.map(IngestBench::mib).orElse("n/a"),
                    peak.map(IngestBench::mib).orElse("n/a"),
                    brokerCpuHooks.toMillis() / 1000.0),
                String.format(
                    Locale.ROOT,
                    "ratio webhook / raw: %.3f (%,.0f / %,.0f per second)",
                    hooks.perSecond() / raw.recordsPerSecond(),
                    hooks.perSecond(),
                    raw.recordsPerSecond()));
        return new Report(hooks.perSecond(), raw.recordsPerSecond(), hooks.accepted(), text);
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Up to {@value #PAYLOAD_SAMPLE} channel events the service wrote, one per line. */
  private static List<byte[]> sample(String bootstrap, int partitions) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> all = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        all.add(new TopicPartition(CHANNEL_EVENTS, p));
      }
      consumer.assign(all);
      consumer.seekToBeginning(all);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.size() < PAYLOAD_SAMPLE && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          // One event per line: serialised JSON escapes every newline, so none is expected.
          if (values.size() < PAYLOAD_SAMPLE && indexOfNewline(record.value()) < 0) {
            values.add(record.value());
          }
        }
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException("no channel event found on " + CHANNEL_EVENTS);
    }
    return values;
  }

  private static int indexOfNewline(byte[] value) {
    for (int i = 0; i < value.length; i++) {
      if (value[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
