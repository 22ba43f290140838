package dev.switchboard.response.cases.messaging;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.response.cases.IncomingPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a classified-events record into an {@link IncomingPost}, or says precisely why it cannot.
 * The reason names fields only, never their values: post text and authors stay out of headers and
 * logs.
 */
public class ClassifiedEventReader {

  private final JsonMapper json;

  /** Creates a reader with the service's JSON mapper. */
  public ClassifiedEventReader(JsonMapper json) {
    this.json = json;
  }

  /** Parses and checks one record value. */
  public IncomingPost read(byte[] value) {
    if (value == null || value.length == 0) {
      throw new InvalidEventException("empty record value");
    }
    ClassifiedEvent classified;
    try {
      classified = json.readValue(value, ClassifiedEvent.class);
    } catch (JacksonException e) {
      // Not chained: the parser's message may quote the payload, and the binder copies the cause
      // chain into the dead letter's headers and its log.
      throw new InvalidEventException(
          "not a ClassifiedEvent JSON document ("
              + e.getClass().getSimpleName()
              + at(e.getPath())
              + ")");
    }
    if (classified == null) {
      throw new InvalidEventException("record value is JSON null");
    }
    ChannelEvent event = classified.event();
    List<String> missing = new ArrayList<>();
    if (event == null) {
      missing.add("event");
    } else {
      require(event.eventId(), "event.eventId", missing);
      require(event.itemId(), "event.itemId", missing);
      require(event.conversationKey(), "event.conversationKey", missing);
      require(event.channel(), "event.channel", missing);
      require(event.account(), "event.account", missing);
      require(event.kind(), "event.kind", missing);
      if (event.createdAt() == null && event.receivedAt() == null) {
        missing.add("event.createdAt");
      }
    }
    require(classified.priority(), "priority", missing);
    require(classified.route(), "route", missing);
    if (!missing.isEmpty()) {
      throw new InvalidEventException("missing required fields: " + String.join(", ", missing));
    }
    Instant postedAt = event.createdAt() != null ? event.createdAt() : event.receivedAt();
    Author author = event.author();
    return new IncomingPost(
        event.eventId(),
        event.itemId(),
        event.conversationKey(),
        event.channel(),
        event.account(),
        event.kind(),
        event.revision(),
        author == null ? null : author.name(),
        event.text(),
        event.url(),
        postedAt,
        labelNames(classified.labels()),
        classified.priority(),
        classified.route());
  }

  /** Where the document went wrong, by field names only (e.g. {@code at event.revision}). */
  private static String at(List<JacksonException.Reference> path) {
    if (path == null || path.isEmpty()) {
      return "";
    }
    StringBuilder where = new StringBuilder(" at ");
    for (JacksonException.Reference ref : path) {
      if (ref.getPropertyName() != null) {
        where.append(where.length() > 4 ? "." : "").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        where.append('[').append(ref.getIndex()).append(']');
      }
    }
    return where.toString();
  }

  private static Set<LabelName> labelNames(List<Label> labels) {
    Set<LabelName> names = EnumSet.noneOf(LabelName.class);
    if (labels != null) {
      for (Label label : labels) {
        if (label != null && label.name() != null) {
          names.add(label.name());
        }
      }
    }
    return names;
  }

  private static void require(Object value, String field, List<String> missing) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      missing.add(field);
    }
  }
}
