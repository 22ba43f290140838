package dev.switchboard.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.infra.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command plays the demo stream by default, to the account whose secret it made. */
class DemoOptionsTest {

  @Test
  void playsToTheGeneratedAccountUnlessTurnedOff() {
    Map<String, String> secrets = LocalStack.webhookSecrets(Map.of());
    assertThat(LocalStack.demoAccount(Map.of(), secrets)).isEqualTo("demo-trust");
    assertThat(LocalStack.demoAccount(Map.of("SWITCHBOARD_DEMO", "0"), secrets)).isNull();
    assertThat(LocalStack.demoAccount(Map.of("SWITCHBOARD_DEMO", "1"), secrets))
        .isEqualTo("demo-trust");
  }

  @Test
  void playsToTheFirstAccountWhenSecretsComeFromTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "SWITCHBOARD_WEBHOOK_SECRET_ZETA", "z", "SWITCHBOARD_WEBHOOK_SECRET_ACME_TRUST", "a");
    assertThat(LocalStack.demoAccount(env, LocalStack.webhookSecrets(env))).isEqualTo("acme-trust");
  }

  @Test
  void readsTheRateInPostsAMinute() {
    assertThat(LocalStack.demoRate(Map.of())).isEqualTo(30.0);
    assertThat(LocalStack.demoRate(Map.of("SWITCHBOARD_DEMO_RATE", " 120 "))).isEqualTo(120.0);
    assertThatThrownBy(() -> LocalStack.demoRate(Map.of("SWITCHBOARD_DEMO_RATE", "fast")))
        .hasMessageContaining("SWITCHBOARD_DEMO_RATE");
    assertThatThrownBy(() -> LocalStack.demoRate(Map.of("SWITCHBOARD_DEMO_RATE", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tellsIngestToPlayIt(@TempDir Path home) throws IOException {
    for (String service : Stack.SERVICES) {
      Path target = Files.createDirectories(home.resolve(service + "-service/target"));
      Files.createFile(target.resolve(service + "-service-0.1.0-SNAPSHOT.jar"));
    }
    StackOptions on =
        new StackOptions(
            home, 1, 2, 3, 4, 3, Map.of("demo-trust", "s"), "384m", "demo-trust", 45.0);
    StackOptions off = new StackOptions(home, 1, 2, 3, 4, 3, Map.of("demo-trust", "s"), "384m");

    assertThat(ingestEnv(on))
        .containsEntry("INGEST_DEMO_ENABLED", "true")
        .containsEntry("INGEST_DEMO_ACCOUNT", "demo-trust")
        .containsEntry("INGEST_DEMO_RATE", "45.0")
        .containsEntry("SWITCHBOARD_WEBHOOK_SECRET_DEMO_TRUST", "s");
    assertThat(ingestEnv(off))
        .containsEntry("INGEST_DEMO_ENABLED", "false")
        .doesNotContainKey("INGEST_DEMO_ACCOUNT");
  }

  private static Map<String, String> ingestEnv(StackOptions options) {
    return Stack.specs(new NoInfrastructure(), options).stream()
        .filter(s -> s.name().equals("ingest"))
        .findFirst()
        .orElseThrow()
        .env();
  }

  /** Addresses only: specs() never talks to the infrastructure. */
  private static final class NoInfrastructure implements Infrastructure {
    @Override
    public String kafkaBootstrapServers() {
      return "127.0.0.1:1";
    }

    @Override
    public String openSearchUrl() {
      return "http://127.0.0.1:2";
    }

    @Override
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://127.0.0.1:3/" + database;
    }

    @Override
    public String postgresUser() {
      return "u";
    }

    @Override
    public String postgresPassword() {
      return "p";
    }

    @Override
    public void close() {}
  }
}
