package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildClasspathTest {

  @Test
  void theBrokerClasspathHasTheBrokerItsLoggingAndTheWatchingMain() {
    List<String> entries = entries("kafka-broker");

    assertThat(entries).anyMatch(entry -> entry.contains("kafka_2.13-"));
    assertThat(entries).anyMatch(entry -> entry.contains("log4j-slf4j2-impl-"));
    assertThat(entries.get(0)).as("the jar holding the resource").contains("kafka-broker");
    assertThat(entries).allSatisfy(entry -> assertThat(Path.of(entry)).exists());
  }

  @Test
  void theNodeClasspathHasTheServerThePluginsAndTheMainClass() {
    List<String> entries = entries("opensearch-node");

    assertThat(entries)
        .anyMatch(entry -> entry.contains("opensearch-2.19"))
        .anyMatch(entry -> entry.contains("transport-netty4-client-"))
        .anyMatch(entry -> entry.contains("analysis-common-"))
        .anyMatch(entry -> entry.contains("mapper-extras-client-"))
        .anyMatch(entry -> entry.contains("log4j-core-"));
    Path root = Path.of(entries.get(0));
    assertThat(
            Files.isDirectory(root)
                ? Files.exists(
                    root.resolve("dev/switchboard/opensearchnode/OpenSearchNodeMain.class"))
                : root.toString().endsWith(".jar"))
        .as("%s holds the main class", root)
        .isTrue();
  }

  @Test
  void noKafkaOrOpenSearchClassReachesThisModulesClasspath() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(loader.getResource("kafka/Kafka.class")).isNull();
    assertThat(loader.getResource("org/opensearch/node/Node.class")).isNull();
  }

  private static List<String> entries(String module) {
    return Arrays.asList(ChildClasspath.of(module).split(File.pathSeparator));
  }
}
