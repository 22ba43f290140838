package dev.switchboard.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Where and how the service talks to Kafka ({@code switchboard.kafka.*} in application.yml).
 *
 * @param bootstrapServers the brokers, {@code host:port[,host:port]}
 * @param topicPartitions partitions of the channel-events topic when this service creates it
 * @param cursorPartitions partitions of the compacted ingest-cursors topic
 * @param topicReplication replication factor of the topics this service creates
 * @param ackTimeout how long a webhook waits for Kafka's acknowledgement before answering 503
 * @param adminTimeout how long one topic-creation or health request to the brokers may take
 * @param topicRetryInterval how long to wait before trying again to create the topics
 */
@ConfigurationProperties(KafkaSettings.PREFIX)
public record KafkaSettings(
    @NotBlank String bootstrapServers,
    @Min(1) int topicPartitions,
    @Min(1) int cursorPartitions,
    @Min(1) @Max(Short.MAX_VALUE) int topicReplication,
    @NotNull Duration ackTimeout,
    @NotNull Duration adminTimeout,
    @NotNull Duration topicRetryInterval) {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.kafka";
}
