package dev.switchboard.moderation.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics this service produces are created at start (the broker creates none itself).
 *
 * @param partitions partitions of each topic ({@code SWITCHBOARD_TOPIC_PARTITIONS})
 * @param replication replicas of each partition ({@code SWITCHBOARD_TOPIC_REPLICATION})
 */
@ConfigurationProperties(TopicSettings.PREFIX)
public record TopicSettings(
    @DefaultValue("6") int partitions, @DefaultValue("1") short replication) {

  /** Configuration prefix. */
  public static final String PREFIX = "switchboard.topics";

  /** Rejects counts Kafka would refuse anyway, with a message that names the setting. */
  public TopicSettings {
    if (partitions < 1) {
      throw new IllegalArgumentException("switchboard.topics.partitions must be at least 1");
    }
    if (replication < 1) {
      throw new IllegalArgumentException("switchboard.topics.replication must be at least 1");
    }
  }
}
