package dev.switchboard.ingest.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The one Kafka producer and admin client of the service, closed when the context stops. */
@Factory
public class KafkaFactory {

  private static final String CLIENT_ID = "ingest-service";

  /** The producer of channel events; keys are conversation keys, values serde JSON bytes. */
  @Singleton
  @Bean(preDestroy = "close")
  Producer<String, byte[]> producer(KafkaSettings settings) {
    return new KafkaProducer<>(
        producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
  }

  /** Admin client for creating topics at start and for the health check. */
  @Singleton
  @Bean(preDestroy = "close")
  Admin admin(KafkaSettings settings) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-admin");
    int timeout = (int) settings.adminTimeout().toMillis();
    // A health check must answer quickly even when no broker is there.
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    return Admin.create(config);
  }

  /** Producer settings; package-private so a test can read them. */
  static Map<String, Object> producerConfig(KafkaSettings settings) {
    int ackTimeout = (int) settings.ackTimeout().toMillis();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    // A retried send is written once: the broker drops duplicates by producer id and sequence.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // 202 promises the event survives a broker loss: every in-sync replica must have it.
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Retry transient errors for as long as delivery.timeout.ms allows, not a fixed count.
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    // The most idempotence allows while keeping each partition in order.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // Webhook latency matters more than throughput: batch only what arrives within 5 ms.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Room for a burst of posts in one request; a post is at most a few hundred KiB.
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    // Post text compresses well; lz4 is cheap on CPU and pure Java if the native part is missing.
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Give up on a record within the ack timeout: by then the caller got 503 and will retry.
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ackTimeout);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackTimeout + 5);
    // send() may block on metadata or a full buffer; never longer than a caller would wait.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout);
    return config;
  }
}
