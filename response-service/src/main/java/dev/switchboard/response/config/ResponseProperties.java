package dev.switchboard.response.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The response service's own settings ({@code switchboard.response.*} in application.yml).
 *
 * @param topics how the topics this service produces are created
 * @param openSearch where the search index lives
 * @param outbox how case events are relayed to Kafka
 * @param kafkaBootstrapServers the brokers the outbox relay publishes to
 */
@ConfigurationProperties(prefix = ResponseProperties.PREFIX)
public record ResponseProperties(
    Topics topics, OpenSearch openSearch, Outbox outbox, String kafkaBootstrapServers) {

  /** Rejects missing sections, so a typo in application.yml fails the start. */
  public ResponseProperties {
    require(topics != null, "topics must be set");
    require(openSearch != null, "open-search must be set");
    require(outbox != null, "outbox must be set");
    require(
        kafkaBootstrapServers != null && !kafkaBootstrapServers.isBlank(),
        "kafka-bootstrap-servers must be set");
  }

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.response";

  /**
   * Topic creation at start (the broker's automatic creation is off).
   *
   * @param partitions partitions of each topic this service creates
   * @param replication replication factor of each topic this service creates
   */
  public record Topics(int partitions, short replication) {
    /** Rejects counts a broker would refuse anyway, at start rather than at first use. */
    public Topics {
      require(partitions >= 1, "topics.partitions must be at least 1");
      require(replication >= 1, "topics.replication must be at least 1");
    }
  }

  /**
   * The OpenSearch cluster.
   *
   * @param url base URL, e.g. {@code http://127.0.0.1:9200}
   * @param postsIndex name of the posts index
   * @param connectTimeout how long to wait for a connection
   * @param responseTimeout how long to wait for an answer
   */
  public record OpenSearch(
      String url, String postsIndex, Duration connectTimeout, Duration responseTimeout) {
    /** Rejects a missing URL or index name. */
    public OpenSearch {
      require(url != null && !url.isBlank(), "open-search.url must be set");
      require(postsIndex != null && !postsIndex.isBlank(), "open-search.posts-index must be set");
    }
  }

  /**
   * The outbox relay.
   *
   * @param relayInterval pause between two relay runs
   * @param batchSize most rows published per run
   * @param sendTimeout how long to wait for Kafka's acknowledgement of a batch
   */
  public record Outbox(Duration relayInterval, int batchSize, Duration sendTimeout) {
    /** Rejects an empty batch. */
    public Outbox {
      require(batchSize >= 1, "outbox.batch-size must be at least 1");
    }
  }

  /** Fails the start with the offending key's name. */
  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(PREFIX + "." + message);
    }
  }
}
