package dev.switchboard.response.cases;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The part of a classified event that cases and search need, already checked for the required
 * fields (the messaging adapter builds it; anything incomplete never gets this far).
 *
 * @param eventId the item event's id, the deduplication key
 * @param itemId the platform item
 * @param conversationKey the conversation, which decides the case
 * @param channel the platform
 * @param account the trust's account on it
 * @param kind created, edited or deleted
 * @param revision the item's revision this event carries
 * @param authorName the author's display name, may be null
 * @param text the item's text at this revision, may be null (deletions often carry none)
 * @param url link to the item, may be null
 * @param postedAt when the platform says the item was created
 * @param labels the classifier's label names
 * @param priority the classifier's priority
 * @param route the team the classifier routes to
 */
public record IncomingPost(
    String eventId,
    String itemId,
    String conversationKey,
    Channel channel,
    String account,
    EventKind kind,
    int revision,
    String authorName,
    String text,
    String url,
    Instant postedAt,
    Set<LabelName> labels,
    Priority priority,
    Team route) {

  /** Checks the fields every rule relies on. */
  public IncomingPost {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(conversationKey, "conversationKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(route, "route");
    labels = labels == null ? Set.of() : Set.copyOf(labels);
  }
}
