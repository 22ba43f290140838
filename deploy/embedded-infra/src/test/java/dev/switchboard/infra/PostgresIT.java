package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithInfrastructure
class PostgresIT {

  @BeforeAll
  static void sharedWithTheOtherClasses(Infrastructure infrastructure) {
    OneStartPerJvm.check(infrastructure, PostgresIT.class);
  }

  @Test
  void aDatabaseIsCreatedOnFirstUseAndHandedOutAgainAfter(Infrastructure infrastructure)
      throws Exception {
    String first = infrastructure.jdbcUrl("x");
    String second = infrastructure.jdbcUrl("x");

    assertThat(first).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/x").isEqualTo(second);
    try (Connection connection = connect(infrastructure, first);
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY, body text)");
      sql.execute("INSERT INTO notes VALUES (1, 'kept') ON CONFLICT (id) DO NOTHING");
    }
    try (Connection connection = connect(infrastructure, second);
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery("SELECT current_database(), body FROM notes WHERE id = 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("x");
      assertThat(rows.getString(2)).isEqualTo("kept");
    }
  }

  @Test
  void threadsAskingForTheSameNewDatabaseAtOnceAllGetIt(Infrastructure infrastructure)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Callable<String> ask = () -> infrastructure.jdbcUrl("raced");
      List<Future<String>> urls = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> ask).toList());
      for (Future<String> url : urls) {
        try (Connection connection = connect(infrastructure, url.get());
            Statement sql = connection.createStatement();
            ResultSet rows = sql.executeQuery("SELECT current_database()")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("raced");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Connection connect(Infrastructure infrastructure, String url) throws Exception {
    return DriverManager.getConnection(
        url, infrastructure.postgresUser(), infrastructure.postgresPassword());
  }
}
