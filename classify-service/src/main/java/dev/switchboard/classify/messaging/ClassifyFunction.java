package dev.switchboard.classify.messaging;

import dev.switchboard.classify.domain.Classifier;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * The stream function behind the {@code classify-in-0 → classify-out-0} bindings: converts the
 * record, delegates to the {@link Classifier}, and sets the record key and CloudEvents headers.
 */
public final class ClassifyFunction implements Function<Message<byte[]>, Message<byte[]>> {

  /** CloudEvents spec version written on every record. */
  static final String SPEC_VERSION = "1.0";

  private final Classifier classifier;
  private final EventJson json;
  private final MeterRegistry meters;

  /** The function with its classifier, JSON codec and metrics. */
  public ClassifyFunction(Classifier classifier, EventJson json, MeterRegistry meters) {
    this.classifier = classifier;
    this.json = json;
    this.meters = meters;
  }

  @Override
  public Message<byte[]> apply(Message<byte[]> in) {
    ChannelEvent event = json.readChannelEvent(in.getPayload());
    ClassifiedEvent classified = classifier.classify(event);
    countClassified(classified);
    return MessageBuilder.withPayload(json.write(classified))
        .setHeader(KafkaHeaders.KEY, key(in, event))
        .setHeader(CloudEventHeaders.ID, event.eventId())
        .setHeader(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_CLASSIFY)
        .setHeader(CloudEventHeaders.TYPE, ClassifiedEvent.CE_TYPE)
        .setHeader(CloudEventHeaders.TIME, classified.classifiedAt().toString())
        .setHeader(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION)
        .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
        .build();
  }

  /**
   * The incoming record key is the conversation key; keep it byte for byte so the classified event
   * lands on the partition ordering that conversation. A record produced without a key still gets
   * the conversation key from its body.
   */
  private static byte[] key(Message<byte[]> in, ChannelEvent event) {
    Object received = in.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
    if (received instanceof byte[] bytes && bytes.length > 0) {
      return bytes;
    }
    if (received instanceof String text && !text.isEmpty()) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return event.conversationKey().getBytes(StandardCharsets.UTF_8);
  }

  private void countClassified(ClassifiedEvent classified) {
    Counter.builder("switchboard.classify.events")
        .description("Channel events classified, by the priority they were given")
        .tag("priority", String.valueOf(classified.priority()))
        .tag("route", String.valueOf(classified.route()))
        .register(meters)
        .increment();
  }
}
