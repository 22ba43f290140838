package dev.switchboard.response.cases;

import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.time.Instant;
import java.util.Set;

/**
 * The current state of one platform item in a case.
 *
 * @param itemId the platform item
 * @param eventId the latest item event applied to it
 * @param caseId the case it belongs to
 * @param kind the kind of the latest event applied
 * @param revision the latest revision whose text it holds
 * @param authorName the author's display name
 * @param text the text of that revision (kept after a deletion, as evidence)
 * @param url link to the item
 * @param postedAt when the platform says it was created
 * @param labels its labels from the classifier
 * @param priority its priority from the classifier
 * @param route its team from the classifier
 * @param deleted whether the platform reported it deleted
 */
public record Post(
    String itemId,
    String eventId,
    String caseId,
    EventKind kind,
    int revision,
    String authorName,
    String text,
    String url,
    Instant postedAt,
    Set<LabelName> labels,
    Priority priority,
    Team route,
    boolean deleted) {

  /** Copies the labels so a post never changes under its holder. */
  public Post {
    labels = Set.copyOf(labels);
  }
}
