package dev.switchboard.classify.messaging;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads channel events and writes classified events as JSON with Jackson 3. Done here rather than
 * by the binder's converters so a record that is not a valid channel event fails with a clear,
 * non-retryable {@link UnreadableRecordException} that sends it to the dead-letter topic.
 */
public final class EventJson {

  private final JsonMapper json;

  /** Uses the application's Jackson 3 mapper. */
  public EventJson(JsonMapper json) {
    this.json = json;
  }

  /** Parses and checks the fields classification and the record key depend on. */
  public ChannelEvent readChannelEvent(byte[] payload) {
    if (payload == null || payload.length == 0) {
      throw new UnreadableRecordException("empty record: expected a JSON ChannelEvent");
    }
    ChannelEvent event;
    try {
      event = json.readValue(payload, ChannelEvent.class);
    } catch (JacksonException e) {
      // Only the exception type and position: Jackson's message can quote the record's content.
      throw new UnreadableRecordException(
          "not a JSON ChannelEvent: " + e.getClass().getSimpleName() + where(e));
    }
    if (event == null) {
      throw new UnreadableRecordException("not a JSON ChannelEvent: null");
    }
    List<String> missing = new ArrayList<>();
    if (isBlank(event.eventId())) {
      missing.add("eventId");
    }
    if (isBlank(event.itemId())) {
      missing.add("itemId");
    }
    if (isBlank(event.conversationKey())) {
      missing.add("conversationKey");
    }
    if (event.channel() == null) {
      missing.add("channel");
    }
    if (isBlank(event.account())) {
      missing.add("account");
    }
    if (event.kind() == null) {
      missing.add("kind");
    }
    if (!missing.isEmpty()) {
      throw new UnreadableRecordException("ChannelEvent lacks required fields " + missing);
    }
    return event;
  }

  /** The record value of a classified event. */
  public byte[] write(ClassifiedEvent event) {
    return json.writeValueAsBytes(event);
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
