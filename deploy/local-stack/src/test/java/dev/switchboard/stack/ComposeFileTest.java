package dev.switchboard.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so this test holds it to the
 * services' own configuration instead: the variables each service reads, its port, its health
 * endpoint, and what it must wait for.
 */
class ComposeFileTest {

  private static final Path HOME =
      Path.of(System.getProperty("switchboard.home", "../..")).toAbsolutePath().normalize();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");
  private static final Map<String, String> PORT_VARIABLES =
      Map.of(
          "ingest", "INGEST_PORT",
          "classify", "CLASSIFY_PORT",
          "response", "RESPONSE_PORT",
          "moderation", "MODERATION_PORT");
  private static final Map<String, List<String>> NEEDS =
      Map.of(
          "ingest", List.of("kafka"),
          "classify", List.of("kafka"),
          "response", List.of("kafka", "postgres", "opensearch"),
          "moderation", List.of("kafka", "postgres"));

  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(HOME.resolve("docker-compose.yml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  static Stream<String> appServices() {
    return Stack.SERVICES.stream();
  }

  @Test
  void runsTheFourServicesOnTheProductionImagesOfTheInfrastructure() {
    assertThat(services)
        .containsKeys(
            "kafka", "opensearch", "postgres", "ingest", "classify", "response", "moderation");
    assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:4.1.2");
    assertThat(services.get("opensearch").get("image").toString())
        .startsWith("opensearchproject/opensearch:2.19");
    assertThat(services.get("postgres").get("image").toString()).startsWith("postgres:");
    services.forEach(
        (name, service) -> {
          assertThat(service).as(name + " health check").containsKey("healthcheck");
          assertThat(service).as(name + " memory limit").containsKey("mem_limit");
        });
  }

  @Test
  void theBrokerNeverCreatesTopicsByItself() {
    assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    for (String service : Stack.SERVICES) {
      assertThat(environment(service))
          .as(service + " creates its topics with one replica on the one broker")
          .containsEntry("SWITCHBOARD_TOPIC_REPLICATION", "1")
          .containsKey("SWITCHBOARD_TOPIC_PARTITIONS");
    }
  }

  @ParameterizedTest
  @MethodSource("appServices")
  void everyVariableSetIsOneTheServiceReads(String service) throws IOException {
    Map<String, String> reads = placeholders(service);
    for (String variable : environment(service).keySet()) {
      if (variable.startsWith("SWITCHBOARD_WEBHOOK_SECRET_")) {
        assertThat(service).as("only ingest takes webhook secrets").isEqualTo("ingest");
        continue;
      }
      assertThat(reads).as(service + " reads " + variable).containsKey(variable);
    }
  }

  @ParameterizedTest
  @MethodSource("appServices")
  void everyAddressThatDefaultsToLoopbackIsSet(String service) throws IOException {
    placeholders(service)
        .forEach(
            (variable, fallback) -> {
              if (fallback != null
                  && (fallback.contains("127.0.0.1") || fallback.contains("localhost"))) {
                assertThat(environment(service))
                    .as(service + " would look for " + variable + " inside its own container")
                    .containsKey(variable);
              }
            });
  }

  @ParameterizedTest
  @MethodSource("appServices")
  void listensAndIsCheckedOnTheSamePortItsImageExposes(String service) throws IOException {
    String port = environment(service).get(PORT_VARIABLES.get(service));
    assertThat(port).as(service + " port").isNotNull();
    assertThat(placeholders(service)).containsKey(PORT_VARIABLES.get(service));
    assertThat((List<?>) services.get(service).get("ports"))
        .map(Object::toString)
        .containsExactly(port + ":" + port);
    assertThat(services.get(service).get("healthcheck").toString())
        .contains("/dev/tcp/127.0.0.1/" + port);
    String dockerfile = Files.readString(HOME.resolve(service + "-service").resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("EXPOSE " + port)
        .contains("COPY target/" + service + "-service-");
  }

  @ParameterizedTest
  @MethodSource("appServices")
  @SuppressWarnings("unchecked")
  void startsOnlyOnceWhatItNeedsIsHealthy(String service) {
    Map<String, Map<String, String>> dependsOn =
        (Map<String, Map<String, String>>) services.get(service).get("depends_on");
    assertThat(dependsOn).containsOnlyKeys(NEEDS.get(service));
    dependsOn.values().forEach(d -> assertThat(d).containsEntry("condition", "service_healthy"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String service) {
    Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
    Map<String, String> strings = new LinkedHashMap<>();
    env.forEach((k, v) -> strings.put(k, String.valueOf(v)));
    return strings;
  }

  /** The environment variables a service's application.yml reads, with their defaults. */
  private static Map<String, String> placeholders(String service) throws IOException {
    String yml =
        Files.readString(HOME.resolve(service + "-service/src/main/resources/application.yml"));
    Map<String, String> found = new HashMap<>();
    Matcher m = PLACEHOLDER.matcher(yml);
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }
}
