package dev.switchboard.ingest.messaging;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.ingest.config.KafkaSettings;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends a {@link ChannelEvent} to {@link Topics#CHANNEL_EVENTS}, keyed by conversation key, with
 * the CloudEvents headers; the returned future completes only when the broker acknowledged it
 * ({@code acks=all}), or fails with {@link KafkaUnavailableException} after the configured ack
 * timeout.
 */
@Singleton
public class ChannelEventPublisher {

  private final Producer<String, byte[]> producer;
  private final ObjectMapper objectMapper;
  private final KafkaSettings settings;

  /** A publisher over the service's one producer. */
  public ChannelEventPublisher(
      Producer<String, byte[]> producer, ObjectMapper objectMapper, KafkaSettings settings) {
    this.producer = producer;
    this.objectMapper = objectMapper;
    this.settings = settings;
  }

  /**
   * Starts sending {@code event}. May block up to the ack timeout while the producer fetches topic
   * metadata, so call it off the event loop; the wait for the acknowledgement itself does not
   * block.
   */
  public CompletableFuture<RecordMetadata> publish(ChannelEvent event) {
    CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
    // Armed before send(): a send stuck on metadata still times out on schedule.
    CompletableFuture<RecordMetadata> bounded =
        acknowledged
            .orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .handle(
                (metadata, failure) -> {
                  if (failure == null) {
                    return metadata;
                  }
                  Throwable cause = unwrap(failure);
                  String reason =
                      cause instanceof TimeoutException
                          ? "Kafka did not acknowledge within " + settings.ackTimeout()
                          : "Kafka refused the event: " + cause.getClass().getSimpleName();
                  throw new KafkaUnavailableException(reason, cause);
                });
    try {
      producer.send(
          record(event),
          (metadata, exception) -> {
            if (exception == null) {
              acknowledged.complete(metadata);
            } else {
              acknowledged.completeExceptionally(exception);
            }
          });
    } catch (RuntimeException e) {
      // send() throws, instead of calling back, when metadata does not arrive within max.block.ms.
      acknowledged.completeExceptionally(e);
    }
    return bounded;
  }

  ProducerRecord<String, byte[]> record(ChannelEvent event) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.ID, utf8(event.eventId()));
    headers.add(CloudEventHeaders.SOURCE, utf8(CloudEventHeaders.SOURCE_INGEST));
    headers.add(CloudEventHeaders.TYPE, utf8(ChannelEvent.CE_TYPE));
    headers.add(
        CloudEventHeaders.TIME, utf8(DateTimeFormatter.ISO_INSTANT.format(event.receivedAt())));
    headers.add(CloudEventHeaders.SPEC_VERSION, utf8("1.0"));
    return new ProducerRecord<>(
        Topics.CHANNEL_EVENTS, null, event.conversationKey(), json(event), headers);
  }

  private byte[] json(ChannelEvent event) {
    try {
      return objectMapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException("a channel event could not be serialised", e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
