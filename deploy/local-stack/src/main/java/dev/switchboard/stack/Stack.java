package dev.switchboard.stack;

import dev.switchboard.infra.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The four Switchboard services running as processes against running infrastructure. Used by the
 * run command ({@link LocalStack}) and by the end-to-end tests, so both start the same thing.
 */
public final class Stack implements AutoCloseable {

  /** Names of the services, in the order they are listed. */
  public static final List<String> SERVICES =
      List.of("ingest", "classify", "response", "moderation");

  private final Map<String, ServiceProcess> services;

  private Stack(Map<String, ServiceProcess> services) {
    this.services = services;
  }

  /**
   * Starts the services in parallel and waits until each reports healthy.
   *
   * @param lines receives (service name, output line) for every line a service prints
   */
  public static Stack start(
      Infrastructure infra,
      StackOptions options,
      Duration healthTimeout,
      BiConsumer<String, String> lines) {
    Map<String, ServiceProcess> started = new LinkedHashMap<>();
    Stack stack = new Stack(started);
    try {
      for (ServiceSpec spec : specs(infra, options)) {
        started.put(
            spec.name(), ServiceProcess.start(spec, line -> lines.accept(spec.name(), line)));
      }
      CompletableFuture.allOf(
              started.values().stream()
                  .map(s -> CompletableFuture.runAsync(() -> s.awaitHealthy(healthTimeout)))
                  .toArray(CompletableFuture[]::new))
          .join();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** What each service is told: ports, Kafka, its database, OpenSearch, webhook secrets. */
  static List<ServiceSpec> specs(Infrastructure infra, StackOptions options) {
    Map<String, String> common = new HashMap<>();
    common.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
    common.put("SWITCHBOARD_TOPIC_PARTITIONS", Integer.toString(options.topicPartitions()));
    common.put("SWITCHBOARD_TOPIC_REPLICATION", "1");
    List<String> jvm =
        List.of("-Xmx" + options.maxHeap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    Map<String, String> ingest = new HashMap<>(common);
    ingest.put("INGEST_PORT", Integer.toString(options.ingestPort()));
    options
        .webhookSecrets()
        .forEach((account, secret) -> ingest.put(StackOptions.secretVariable(account), secret));
    ingest.put("INGEST_DEMO_ENABLED", Boolean.toString(options.demo()));
    if (options.demo()) {
      ingest.put("INGEST_DEMO_ACCOUNT", options.demoAccount());
      ingest.put("INGEST_DEMO_RATE", Double.toString(options.demoRate()));
    }

    Map<String, String> classify = new HashMap<>(common);
    classify.put("CLASSIFY_PORT", Integer.toString(options.classifyPort()));

    Map<String, String> response = new HashMap<>(common);
    response.put("RESPONSE_PORT", Integer.toString(options.responsePort()));
    response.put("RESPONSE_DB_URL", infra.jdbcUrl("response"));
    response.put("RESPONSE_DB_USER", infra.postgresUser());
    response.put("RESPONSE_DB_PASSWORD", infra.postgresPassword());
    response.put("OPENSEARCH_URL", infra.openSearchUrl());

    Map<String, String> moderation = new HashMap<>(common);
    moderation.put("MODERATION_PORT", Integer.toString(options.moderationPort()));
    moderation.put("MODERATION_DB_URL", infra.jdbcUrl("moderation"));
    moderation.put("MODERATION_DB_USER", infra.postgresUser());
    moderation.put("MODERATION_DB_PASSWORD", infra.postgresPassword());

    Path home = options.home();
    return List.of(
        new ServiceSpec(
            "ingest", jar(home, "ingest-service"), options.ingestPort(), "/health", jvm, ingest),
        new ServiceSpec(
            "classify",
            jar(home, "classify-service"),
            options.classifyPort(),
            "/actuator/health",
            jvm,
            classify),
        new ServiceSpec(
            "response",
            jar(home, "response-service"),
            options.responsePort(),
            "/actuator/health",
            jvm,
            response),
        new ServiceSpec(
            "moderation",
            jar(home, "moderation-service"),
            options.moderationPort(),
            "/actuator/health",
            jvm,
            moderation));
  }

  /** The runnable jar a module's {@code package} made (not Maven's {@code original-} copy). */
  public static Path jar(Path home, String module) {
    Path target = home.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith(module + "-")
                    && name.endsWith(".jar")
                    && !name.endsWith("-sources.jar")
                    && !name.endsWith("-tests.jar");
              })
          .findFirst()
          .orElseThrow(() -> noJar(module, target));
    } catch (IOException e) {
      throw new UncheckedIOException(noJar(module, target).getMessage(), e);
    }
  }

  private static IllegalStateException noJar(String module, Path target) {
    return new IllegalStateException(
        "no runnable jar of "
            + module
            + " in "
            + target
            + ": build it first (./mvnw -DskipTests package)");
  }

  /** The running service of that name. */
  public ServiceProcess service(String name) {
    ServiceProcess service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no service " + name + "; services: " + SERVICES);
    }
    return service;
  }

  /** Process id of every service, by name. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    services.forEach((name, process) -> pids.put(name, process.pid()));
    return pids;
  }

  /** Stops the services in parallel; each gets a chance to stop cleanly (SIGTERM first). */
  @Override
  public void close() {
    CompletableFuture.allOf(
            services.values().stream()
                .map(s -> CompletableFuture.runAsync(s::close))
                .toArray(CompletableFuture[]::new))
        .join();
  }
}
