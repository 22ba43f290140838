package dev.switchboard.moderation.messaging;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.RequiredFields;
import dev.switchboard.eventstreams.UnreadableRecordException;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;

/**
 * Reads a classified-events record and checks it is one: the {@code ce_type} header names a
 * classified event and the fields the moderation service keys on are there. Anything else is an
 * {@link UnreadableRecordException}, which goes to the dead-letter topic without retries.
 */
public final class ClassifiedEventReader {

  private final ContractJson json;

  /** Reads with the application's contract JSON reader. */
  public ClassifiedEventReader(ContractJson json) {
    this.json = json;
  }

  /** The record as a checked {@link ClassifiedEvent}. */
  public ClassifiedEvent read(Message<byte[]> message) {
    String type = ceType(message);
    if (!ClassifiedEvent.CE_TYPE.equals(type)) {
      // A record without its envelope, or another record type on the topic, must fail loudly.
      throw new UnreadableRecordException(
          "header "
              + CloudEventHeaders.TYPE
              + " is "
              + (type == null ? "missing" : "'" + type + "'")
              + ", expected "
              + ClassifiedEvent.CE_TYPE);
    }
    ClassifiedEvent classified = json.read(message.getPayload(), ClassifiedEvent.class);
    ChannelEvent event = classified.event();
    RequiredFields required = RequiredFields.of(ClassifiedEvent.class).require(event, "event");
    if (event != null) {
      required
          .requireIdentity(event, "event.")
          .require(classified.priority(), "priority")
          .require(classified.classifiedAt(), "classifiedAt");
    }
    required.check();
    return classified;
  }

  /**
   * The CloudEvents type. Spring Cloud Function rewrites {@code ce_*} headers to the canonical
   * {@code ce-*} before the consumer sees them, so the lookup goes through its prefix-aware reader,
   * which also decodes the raw bytes a non-Spring producer writes.
   */
  private static String ceType(Message<byte[]> message) {
    String type = CloudEventMessageUtils.getType(message);
    return type == null || type.isEmpty() ? null : type;
  }
}
