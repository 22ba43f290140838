package dev.switchboard.stack;

import dev.switchboard.infra.EmbeddedInfrastructure;
import dev.switchboard.infra.Infrastructure;
import java.time.Duration;
import java.util.function.BiConsumer;

/** The embedded infrastructure of the local run: fixed ports, a temporary data folder. */
final class LocalInfrastructure {

  private LocalInfrastructure() {}

  /** Starts Kafka, OpenSearch and PostgreSQL in parallel and returns once all three are ready. */
  static Infrastructure start(
      int kafkaPort, int openSearchPort, int postgresPort, BiConsumer<String, String> lines) {
    return EmbeddedInfrastructure.start(
        EmbeddedInfrastructure.Options.defaults()
            .withPorts(kafkaPort, openSearchPort, postgresPort)
            .withOutput(lines)
            .withStartTimeout(Duration.ofMinutes(4)));
  }
}
