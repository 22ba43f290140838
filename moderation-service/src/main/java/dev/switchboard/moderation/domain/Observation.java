package dev.switchboard.moderation.domain;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Records classified events once each, however often Kafka delivers them (at-least-once delivery
 * made effectively-once by the event id).
 */
public final class Observation {

  /** What recording an event did. */
  public enum Outcome {
    /** First time this event id was seen: stored. */
    RECORDED,
    /** Seen before (a redelivery or a replay): nothing changed. */
    ALREADY_RECORDED
  }

  private final ObservedItems items;
  private final Clock clock;

  /** Records into the given store, stamping {@code recordedAt} from the clock. */
  public Observation(ObservedItems items, Clock clock) {
    this.items = Objects.requireNonNull(items, "items");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records the event unless its event id was recorded before. */
  public Outcome observe(ClassifiedEvent classified) {
    var event = classified.event();
    List<LabelName> labels =
        classified.labels() == null
            ? List.of()
            : classified.labels().stream().map(Label::name).toList();
    ObservedItem item =
        new ObservedItem(
            event.eventId(),
            event.itemId(),
            event.conversationKey(),
            event.channel(),
            event.account(),
            event.kind(),
            labels,
            classified.priority(),
            classified.route(),
            classified.classifiedAt(),
            clock.instant());
    return items.addIfAbsent(item) ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
  }

  /** The items recorded for one conversation. */
  public List<ObservedItem> conversation(String conversationKey) {
    return items.inConversation(conversationKey);
  }
}
