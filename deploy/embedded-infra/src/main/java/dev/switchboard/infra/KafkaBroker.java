package dev.switchboard.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka broker in KRaft mode (combined broker and controller) on loopback, run as a child
 * JVM from the classpath that the {@code kafka-broker} module wrote at build time.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The name of this child in output lines and log files. */
  public static final String NAME = "kafka";

  private static final String MAIN = "dev.switchboard.kafkabroker.ParentWatchingMain";
  private static final List<String> HEAP = List.of("-Xms128m", "-Xmx512m");

  private final ChildProcess process;
  private final int port;

  private Duration startTime = Duration.ZERO;

  private KafkaBroker(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a broker whose log and data live in {@code dir} (formatted on first use, reused after),
   * listening on {@code port} (0 for a free one), and waits until it answers a metadata request.
   *
   * @param output receives ({@value #NAME}, line) for each line the broker prints; may be null
   */
  public static KafkaBroker start(
      Path dir, int port, BiConsumer<String, String> output, Duration timeout) {
    long started = System.nanoTime();
    int brokerPort = FreePorts.orFree(port);
    int controllerPort = FreePorts.orFree(0);
    Path dataDir = dir.resolve("data");
    Path config = dir.resolve("server.properties");
    Path logFile = dir.resolve("kafka.log");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          config, serverProperties(brokerPort, controllerPort, dataDir), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
    String classpath = ChildClasspath.of("kafka-broker");
    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      ChildProcess format =
          ChildProcess.start(
              NAME + "-format",
              command(
                  classpath,
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  config.toString()),
              dir,
              logFile,
              output,
              null);
      int exit = format.awaitExit(timeout);
      if (exit != 0) {
        throw format.failure("formatting the Kafka log dir " + dataDir + " exited with " + exit);
      }
    }
    ChildProcess process =
        ChildProcess.start(
            NAME, command(classpath, "kafka.Kafka", config.toString()), dir, logFile, output, null);
    KafkaBroker broker = new KafkaBroker(process, brokerPort);
    try {
      String bootstrap = broker.bootstrapServers();
      process.awaitReady("listening on " + bootstrap, timeout, () -> FreePorts.answers(brokerPort));
      long left = timeout.toNanos() - (System.nanoTime() - started);
      // one client for all attempts: each new one logs its whole configuration
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
        process.awaitReady(
            "answering metadata requests",
            Duration.ofNanos(Math.max(left, 0)),
            () -> answers(admin));
      }
      broker.startTime = Duration.ofNanos(System.nanoTime() - started);
      return broker;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  static String serverProperties(int brokerPort, int controllerPort, Path dataDir) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dataDir.toAbsolutePath(),
        // as in production: services create their topics at start
        "auto.create.topics.enable=false",
        // one broker: every internal topic has one replica
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "min.insync.replicas=1",
        // fewer offsets partitions: the first consumer group is ready seconds sooner
        "offsets.topic.num.partitions=10",
        // tests join one consumer per group; waiting 3 s for more only slows them
        "group.initial.rebalance.delay.ms=0",
        "num.partitions=1",
        "");
  }

  private static List<String> command(String classpath, String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaBinary());
    command.addAll(HEAP);
    command.addAll(ChildProcess.jvmFlags());
    command.add("-Dlog4j2.configurationFile=META-INF/switchboard/kafka-log4j2.xml");
    command.add("-cp");
    command.add(classpath);
    command.add(MAIN);
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }

  private static boolean answers(Admin admin) {
    try {
      return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The broker's client port. */
  public int port() {
    return port;
  }

  /** The broker JVM's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the broker process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** How long the start took, from launch until ready. */
  public Duration startTime() {
    return startTime;
  }

  /** The broker's output, also kept when no sink was given. */
  public Path logFile() {
    return process.logFile();
  }

  /** Shuts the broker down cleanly, forcibly after 30 s. */
  @Override
  public void close() {
    process.close();
  }
}
