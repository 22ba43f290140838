package dev.switchboard.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The production images on a Docker engine ({@code -Dswitchboard.infra=testcontainers}). Loaded
 * only in that mode, so the embedded mode never touches Docker.
 */
final class TestcontainersInfrastructure implements Infrastructure {

  static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
  static final String POSTGRES_IMAGE = "postgres:16-alpine";
  static final String OPENSEARCH_IMAGE = "opensearchproject/opensearch:2.19.6";

  private final KafkaContainer kafka;
  private final GenericContainer<?> openSearch;
  private final PostgreSQLContainer postgres;
  private final Map<String, String> databases = new ConcurrentHashMap<>();

  private TestcontainersInfrastructure(
      KafkaContainer kafka, GenericContainer<?> openSearch, PostgreSQLContainer postgres) {
    this.kafka = kafka;
    this.openSearch = openSearch;
    this.postgres = postgres;
  }

  /** Throws {@link InfrastructureUnavailableException} unless a Docker engine answers. */
  static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new InfrastructureUnavailableException(
          InfrastructureMode.PROPERTY
              + "=testcontainers but no Docker engine is reachable: skipping; run with the"
              + " default (embedded) infrastructure");
    }
  }

  @SuppressWarnings("resource") // closed by close()
  static TestcontainersInfrastructure start() {
    requireDocker();
    KafkaContainer kafka =
        new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    GenericContainer<?> openSearch =
        new GenericContainer<>(DockerImageName.parse(OPENSEARCH_IMAGE))
            .withEnv("discovery.type", "single-node")
            .withEnv("DISABLE_SECURITY_PLUGIN", "true")
            .withEnv("DISABLE_INSTALL_DEMO_CONFIG", "true")
            .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withExposedPorts(9200)
            .waitingFor(
                Wait.forHttp("/_cluster/health?wait_for_status=yellow")
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
            .withUsername(Postgres.USER)
            .withPassword(Postgres.PASSWORD);
    try {
      Startables.deepStart(Stream.of(kafka, openSearch, postgres)).join();
    } catch (RuntimeException e) {
      Stream.of(kafka, openSearch, postgres).forEach(GenericContainer::stop);
      throw e;
    }
    return new TestcontainersInfrastructure(kafka, openSearch, postgres);
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers().replace("localhost", "127.0.0.1");
  }

  @Override
  public String openSearchUrl() {
    return "http://" + openSearch.getHost() + ":" + openSearch.getMappedPort(9200);
  }

  @Override
  public String jdbcUrl(String database) {
    return databases.computeIfAbsent(
        database,
        name -> {
          Databases.ensureExists(url("postgres"), postgresUser(), postgresPassword(), name);
          return url(name);
        });
  }

  private String url(String database) {
    return "jdbc:postgresql://"
        + postgres.getHost()
        + ":"
        + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
        + "/"
        + database;
  }

  @Override
  public String postgresUser() {
    return postgres.getUsername();
  }

  @Override
  public String postgresPassword() {
    return postgres.getPassword();
  }

  @Override
  public void close() {
    Stream.of(kafka, openSearch, postgres).forEach(GenericContainer::stop);
  }
}
