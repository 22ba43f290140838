package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The local run's life: start on a folder, keep the data, start again on it, then close for good.
 * Uses its own instances, never the shared one.
 */
class EmbeddedInfrastructureLifecycleIT {

  @Test
  void keptDataSurvivesARestartAndCloseRemovesFolderAndProcesses() throws Exception {
    Path folder = Files.createTempDirectory("switchboard-lifecycle-it-");
    Queue<String> lines = new ConcurrentLinkedQueue<>();
    EmbeddedInfrastructure.Options options =
        EmbeddedInfrastructure.Options.defaults()
            .withDataDirectory(folder, true)
            .withOutput((source, line) -> lines.add(source));

    EmbeddedInfrastructure first = EmbeddedInfrastructure.start(options);
    List<Long> firstPids = pids(first);
    try {
      assertThat(firstPids).allSatisfy(pid -> assertThat(alive(pid)).isTrue());
      // the folder is this instance's until it closes
      assertThatThrownBy(() -> EmbeddedInfrastructure.start(options))
          .hasMessageContaining("in use by another embedded infrastructure");
      try (Admin admin = admin(first)) {
        admin
            .createTopics(List.of(new NewTopic("kept-topic", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      sql(first, "CREATE TABLE kept_table (id int)");
    } finally {
      first.close();
    }
    assertThat(firstPids).allSatisfy(pid -> assertThat(alive(pid)).isFalse());
    assertThat(folder).isDirectory();
    assertThat(lines).contains(KafkaBroker.NAME, OpenSearchNode.NAME, Postgres.NAME);

    EmbeddedInfrastructure second =
        EmbeddedInfrastructure.start(options.withDataDirectory(folder, false));
    List<Long> secondPids = pids(second);
    try {
      try (Admin admin = admin(second)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept-topic");
      }
      sql(second, "SELECT count(*) FROM kept_table");
    } finally {
      second.close();
    }
    assertThat(secondPids).allSatisfy(pid -> assertThat(alive(pid)).isFalse());
    assertThat(folder).doesNotExist();
  }

  private static List<Long> pids(EmbeddedInfrastructure infrastructure) {
    return List.of(
        infrastructure.kafka().pid(),
        infrastructure.openSearch().pid(),
        infrastructure.postgres().pid().orElseThrow());
  }

  private static boolean alive(long pid) {
    return ChildProcess.running(pid);
  }

  private static Admin admin(Infrastructure infrastructure) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
  }

  private static void sql(Infrastructure infrastructure, String statement) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                infrastructure.jdbcUrl("lifecycle"),
                infrastructure.postgresUser(),
                infrastructure.postgresPassword());
        Statement sql = connection.createStatement()) {
      if (sql.execute(statement)) {
        try (ResultSet rows = sql.getResultSet()) {
          assertThat(rows.next()).isTrue();
        }
      }
    }
  }
}
