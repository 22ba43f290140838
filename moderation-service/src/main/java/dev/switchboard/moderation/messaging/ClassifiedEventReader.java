package dev.switchboard.moderation.messaging;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a classified-events record with Jackson 3 and checks it is one: the {@code ce_type} header
 * names a classified event and the fields the moderation service keys on are there. Anything else
 * is an {@link UnreadableRecordException}, which goes to the dead-letter topic without retries.
 */
public final class ClassifiedEventReader {

  private final JsonMapper json;

  /** Uses the application's Jackson 3 mapper. */
  public ClassifiedEventReader(JsonMapper json) {
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
    byte[] payload = message.getPayload();
    if (payload == null || payload.length == 0) {
      throw new UnreadableRecordException("empty record: expected a JSON ClassifiedEvent");
    }
    ClassifiedEvent classified;
    try {
      classified = json.readValue(payload, ClassifiedEvent.class);
    } catch (JacksonException e) {
      // Only the type, field path and position: Jackson's message can quote the record's content.
      throw new UnreadableRecordException(
          "not a JSON ClassifiedEvent: " + e.getClass().getSimpleName() + where(e));
    }
    List<String> missing = missingFields(classified);
    if (!missing.isEmpty()) {
      throw new UnreadableRecordException("ClassifiedEvent lacks required fields " + missing);
    }
    return classified;
  }

  private static List<String> missingFields(ClassifiedEvent classified) {
    List<String> missing = new ArrayList<>();
    if (classified == null || classified.event() == null) {
      missing.add("event");
      return missing;
    }
    ChannelEvent event = classified.event();
    if (isBlank(event.eventId())) {
      missing.add("event.eventId");
    }
    if (isBlank(event.itemId())) {
      missing.add("event.itemId");
    }
    if (isBlank(event.conversationKey())) {
      missing.add("event.conversationKey");
    }
    if (event.channel() == null) {
      missing.add("event.channel");
    }
    if (isBlank(event.account())) {
      missing.add("event.account");
    }
    if (event.kind() == null) {
      missing.add("event.kind");
    }
    if (classified.priority() == null) {
      missing.add("priority");
    }
    if (classified.classifiedAt() == null) {
      missing.add("classifiedAt");
    }
    return missing;
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

  private static String where(JacksonException e) {
    // Field names come from the contract, never from the record's values, so they are safe to show.
    String path = e.getPath().isEmpty() ? "" : " in " + e.getPathReference();
    TokenStreamLocation location = e.getLocation();
    if (location == null) {
      return path;
    }
    return path + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
