package dev.switchboard.classify.messaging;

import dev.switchboard.classify.domain.Classifier;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.eventstreams.CloudEventEnvelope;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.RequiredFields;
import dev.switchboard.eventstreams.UnreadableRecordException;
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
 * record, delegates to the {@link Classifier}, and sets the record key and CloudEvents headers. A
 * record that is not a channel event is an {@link UnreadableRecordException}: dead-lettered at
 * once.
 */
public final class ClassifyFunction implements Function<Message<byte[]>, Message<byte[]>> {

  private final Classifier classifier;
  private final ContractJson json;
  private final MeterRegistry meters;

  /** The function with its classifier, JSON codec and metrics. */
  public ClassifyFunction(Classifier classifier, ContractJson json, MeterRegistry meters) {
    this.classifier = classifier;
    this.json = json;
    this.meters = meters;
  }

  @Override
  public Message<byte[]> apply(Message<byte[]> in) {
    ChannelEvent event = read(in.getPayload());
    ClassifiedEvent classified = classifier.classify(event);
    countClassified(classified);
    CloudEventEnvelope envelope =
        new CloudEventEnvelope(
            event.eventId(),
            CloudEventHeaders.SOURCE_CLASSIFY,
            ClassifiedEvent.CE_TYPE,
            classified.classifiedAt());
    return envelope
        .setOn(MessageBuilder.withPayload(json.write(classified)))
        .setHeader(KafkaHeaders.KEY, key(in, event))
        .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
        .build();
  }

  /** Parses and checks the fields classification and the record key depend on. */
  private ChannelEvent read(byte[] payload) {
    ChannelEvent event = json.read(payload, ChannelEvent.class);
    RequiredFields.of(ChannelEvent.class).requireIdentity(event, "").check();
    return event;
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
