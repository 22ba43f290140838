package dev.switchboard.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** application.yml's defaults are what the README says when no variable is set. */
class DefaultSettingsTest {

  @Test
  void kafkaDefaultsToTheLocalBroker() {
    try (ApplicationContext context = ApplicationContext.run()) {
      String expected = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
      assertThat(context.getBean(KafkaSettings.class).bootstrapServers()).isEqualTo(expected);
    }
  }
}
