package dev.switchboard.infra;

/**
 * Where the running Kafka broker, OpenSearch node and PostgreSQL server are; get one from {@link
 * SharedInfrastructure#get()} in tests (or {@link WithInfrastructure}) and from {@link
 * EmbeddedInfrastructure#start} in the local run.
 */
public interface Infrastructure extends AutoCloseable {

  /** The broker's bootstrap servers, {@code 127.0.0.1:<port>}. Broker auto-creation is off. */
  String kafkaBootstrapServers();

  /** The OpenSearch REST base URL, {@code http://127.0.0.1:<port>}, no security. */
  String openSearchUrl();

  /**
   * The JDBC URL of {@code database}, {@code jdbc:postgresql://127.0.0.1:<port>/<database>},
   * creating the database on the first call for that name (idempotent and thread-safe). Names are
   * letters, digits, {@code _} and {@code -}.
   */
  String jdbcUrl(String database);

  /** The PostgreSQL user that owns every database handed out by {@link #jdbcUrl}. */
  String postgresUser();

  /** That user's password. */
  String postgresPassword();

  /** Stops everything started and removes data that is not kept. Idempotent. */
  @Override
  void close();
}
