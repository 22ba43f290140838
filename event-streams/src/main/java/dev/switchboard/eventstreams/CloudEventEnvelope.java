package dev.switchboard.eventstreams;

import dev.switchboard.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The CloudEvents attributes of one produced record, written as the Kafka headers {@code ce_id},
 * {@code ce_source}, {@code ce_type}, {@code ce_time} (RFC 3339) and {@code ce_specversion}, each a
 * plain UTF-8 string (never JSON-quoted), as a consumer outside Spring reads them.
 *
 * @param id the event id consumers deduplicate on
 * @param source the producing service, one of the {@code SOURCE_*} of {@link CloudEventHeaders}
 * @param type the record's {@code CE_TYPE}
 * @param time when the event happened
 */
public record CloudEventEnvelope(String id, String source, String type, Instant time) {

  /** The CloudEvents spec version written on every record. */
  public static final String SPEC_VERSION = "1.0";

  /** Refuses a missing attribute: consumers fail loudly on a record without its envelope. */
  public CloudEventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
  }

  /** The headers by name, in the order they are written. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CloudEventHeaders.ID, id);
    headers.put(CloudEventHeaders.SOURCE, source);
    headers.put(CloudEventHeaders.TYPE, type);
    headers.put(CloudEventHeaders.TIME, time.toString());
    headers.put(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
    return headers;
  }

  /**
   * Sets the headers on a message a stream function returns, replacing any it came in with; the
   * binder writes a {@code String} header as its UTF-8 bytes.
   */
  public <T> MessageBuilder<T> setOn(MessageBuilder<T> message) {
    headers().forEach(message::setHeader);
    return message;
  }

  /** Adds the headers to a record sent with a plain Kafka producer, as UTF-8 bytes. */
  public void addTo(Headers record) {
    headers().forEach((name, value) -> record.add(name, value.getBytes(StandardCharsets.UTF_8)));
  }
}
