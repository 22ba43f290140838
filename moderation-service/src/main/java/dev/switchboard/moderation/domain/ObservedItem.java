package dev.switchboard.moderation.domain;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.time.Instant;
import java.util.List;

/**
 * One classified event as the moderation service recorded it: what it needs later to apply
 * policies, without the post's text or author.
 *
 * @param eventId the channel event's id; recorded at most once
 * @param itemId the platform item, shared by all events of one item
 * @param conversationKey the thread it belongs to
 * @param channel the platform
 * @param account the trust's account on the platform
 * @param kind created, edited or deleted
 * @param labels the classifier's label names
 * @param priority the classifier's priority
 * @param route the team queue the classifier chose
 * @param classifiedAt when it was classified
 * @param recordedAt when this service recorded it
 */
public record ObservedItem(
    String eventId,
    String itemId,
    String conversationKey,
    Channel channel,
    String account,
    EventKind kind,
    List<LabelName> labels,
    Priority priority,
    Team route,
    Instant classifiedAt,
    Instant recordedAt) {

  /** Copies the list so a record never changes after it is made. */
  public ObservedItem {
    labels = List.copyOf(labels);
  }
}
