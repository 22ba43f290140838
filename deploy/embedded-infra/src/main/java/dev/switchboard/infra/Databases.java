package dev.switchboard.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates a PostgreSQL database if it does not exist yet. */
final class Databases {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");

  private Databases() {}

  /**
   * Creates {@code database} through the server's maintenance database at {@code adminUrl} unless
   * it exists. Safe when several JVM threads race: the map in the caller makes it once per name,
   * and an "already exists" from a concurrent creator is accepted.
   */
  static void ensureExists(String adminUrl, String user, String password, String database) {
    if (!NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "database name '" + database + "': use letters, digits, _ and - (at most 63)");
    }
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
      try (PreparedStatement exists =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, database);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
      }
      try (Statement create = connection.createStatement()) {
        // the name is validated above; identifiers cannot be bind parameters
        create.execute("CREATE DATABASE \"" + database + "\"");
      } catch (SQLException e) {
        if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another JVM won the race
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database + " at " + adminUrl, e);
    }
  }
}
