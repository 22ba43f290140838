package dev.switchboard.response.cases.messaging;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.eventstreams.RequiredFields;
import dev.switchboard.eventstreams.UnreadableRecordException;
import dev.switchboard.response.cases.IncomingPost;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a classified-events record into an {@link IncomingPost}, or says precisely why it cannot
 * with an {@link UnreadableRecordException}. The reason names fields only, never their values: post
 * text and authors stay out of headers and logs.
 */
public class ClassifiedEventReader {

  private final ContractJson json;

  /** Creates a reader over the service's contract JSON reader. */
  public ClassifiedEventReader(ContractJson json) {
    this.json = json;
  }

  /** Parses and checks one record value. */
  public IncomingPost read(byte[] value) {
    ClassifiedEvent classified = json.read(value, ClassifiedEvent.class);
    ChannelEvent event = classified.event();
    RequiredFields required = RequiredFields.of(ClassifiedEvent.class).require(event, "event");
    if (event != null) {
      required
          .requireIdentity(event, "event.")
          .require(
              event.createdAt() != null ? event.createdAt() : event.receivedAt(),
              "event.createdAt");
    }
    required.require(classified.priority(), "priority").require(classified.route(), "route");
    required.check();
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
}
