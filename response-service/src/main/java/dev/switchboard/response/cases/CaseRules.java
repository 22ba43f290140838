package dev.switchboard.response.cases;

import dev.switchboard.contracts.Actor;
import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one item event does to its case and its post. Pure functions: the caller loads the current
 * state, applies a decision and stores it, all in one transaction.
 */
public final class CaseRules {

  /** Who the case events name as their cause while only the pipeline changes cases. */
  public static final Actor PIPELINE =
      new Actor(Actor.ActorType.SYSTEM, "response-service", "Switchboard pipeline");

  /** Statuses a new post from the public takes a case out of: someone has to look again. */
  private static final Set<CaseStatus> REOPENED_BY_NEW_POST =
      EnumSet.of(CaseStatus.CLOSED, CaseStatus.NO_REPLY_NEEDED);

  private CaseRules() {}

  /**
   * The outcome of one item event.
   *
   * @param caseAfter the case after the event
   * @param postAfter the post after the event
   * @param event the case event to publish (through the outbox)
   */
  public record Decision(Case caseAfter, Post postAfter, CaseEvent event) {}

  /**
   * Applies an item event.
   *
   * @param current the case of the event's conversation, if one exists
   * @param currentPost the event's item, if it was seen before
   * @param in the event
   * @param now when it is applied
   */
  public static Decision apply(
      Optional<Case> current, Optional<Post> currentPost, IncomingPost in, Instant now) {
    String caseId = Ids.caseId(in.conversationKey());
    boolean newItem = currentPost.isEmpty();
    Post post = currentPost.map(p -> updatePost(p, in)).orElseGet(() -> newPost(caseId, in));
    Case after = current.map(c -> addToCase(c, in, newItem)).orElseGet(() -> openCase(caseId, in));
    CaseEvent.Type type =
        current.isEmpty() ? CaseEvent.Type.CASE_OPENED : CaseEvent.Type.POST_ADDED;
    CaseEvent event =
        new CaseEvent(
            Ids.caseEventId(caseId, in.eventId()),
            caseId,
            in.conversationKey(),
            type,
            after.sequence(),
            after.status(),
            after.team(),
            null,
            after.priority(),
            sorted(after.labels()),
            List.of(in.itemId()),
            PIPELINE,
            now,
            // The contract has no POST_EDITED/POST_DELETED yet: say what happened to the item.
            Map.of("itemEvent", in.kind().name(), "newItem", Boolean.toString(newItem)));
    return new Decision(after, post, event);
  }

  /** The higher (more urgent) of two priorities: P1 beats P4. */
  public static Priority higher(Priority a, Priority b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Case openCase(String caseId, IncomingPost in) {
    return new Case(
        caseId,
        in.conversationKey(),
        CaseStatus.NEW,
        in.channel(),
        in.account(),
        in.postedAt(),
        in.postedAt(),
        1,
        in.labels(),
        in.priority(),
        in.route(),
        1);
  }

  private static Case addToCase(Case c, IncomingPost in, boolean newItem) {
    Set<LabelName> labels = EnumSet.noneOf(LabelName.class);
    labels.addAll(c.labels());
    labels.addAll(in.labels());
    // The team follows the most urgent post: a P1 safeguarding post in a PALS thread moves it.
    boolean escalates = in.priority().compareTo(c.priority()) < 0;
    CaseStatus status =
        newItem && REOPENED_BY_NEW_POST.contains(c.status()) ? CaseStatus.NEW : c.status();
    return new Case(
        c.caseId(),
        c.conversationKey(),
        status,
        c.channel(),
        c.account(),
        min(c.firstPostAt(), in.postedAt()),
        max(c.lastPostAt(), in.postedAt()),
        newItem ? c.postCount() + 1 : c.postCount(),
        labels,
        higher(c.priority(), in.priority()),
        escalates ? in.route() : c.team(),
        c.sequence() + 1);
  }

  private static Post newPost(String caseId, IncomingPost in) {
    return new Post(
        in.itemId(),
        in.eventId(),
        caseId,
        in.kind(),
        in.revision(),
        in.authorName(),
        in.text(),
        in.url(),
        in.postedAt(),
        in.labels(),
        in.priority(),
        in.route(),
        in.kind() == EventKind.DELETED);
  }

  private static Post updatePost(Post p, IncomingPost in) {
    String author = in.authorName() != null ? in.authorName() : p.authorName();
    if (in.kind() == EventKind.DELETED) {
      // The text stays: legal needs what was said even after the author removed it.
      String text = p.text() != null ? p.text() : in.text();
      return new Post(
          p.itemId(),
          in.eventId(),
          p.caseId(),
          EventKind.DELETED,
          p.revision(),
          author,
          text,
          p.url() != null ? p.url() : in.url(),
          p.postedAt(),
          p.labels(),
          p.priority(),
          p.route(),
          true);
    }
    boolean newer = in.revision() > p.revision() || (p.text() == null && in.text() != null);
    if (!newer) {
      // A late, older revision: its text is kept in the revisions, the post stays current.
      return p;
    }
    return new Post(
        p.itemId(),
        in.eventId(),
        p.caseId(),
        in.kind(),
        in.revision(),
        author,
        in.text(),
        in.url() != null ? in.url() : p.url(),
        min(p.postedAt(), in.postedAt()),
        in.labels(),
        in.priority(),
        in.route(),
        p.deleted());
  }

  private static List<LabelName> sorted(Set<LabelName> labels) {
    return labels.stream().sorted().toList();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
