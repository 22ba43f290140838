package dev.switchboard.response.cases;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.Ids;
import dev.switchboard.response.search.PostDocument;
import dev.switchboard.response.search.PostIndex;
import java.time.Clock;
import java.util.Optional;

/**
 * Takes one classified item event into its case, effectively once: the case, the post, the revision
 * and the case event are written in one transaction guarded by the event id, then the post's
 * current state is indexed for search. Indexing runs again on a redelivery, so a record whose
 * indexing failed is completed when the consumer retries it.
 */
public final class CaseIntake {

  private final CaseStore store;
  private final Transactions transactions;
  private final PostIndex index;
  private final Clock clock;

  /** Creates the intake over its store, transactions, search index and clock. */
  public CaseIntake(CaseStore store, Transactions transactions, PostIndex index, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.index = index;
    this.clock = clock;
  }

  /**
   * What happened to one event.
   *
   * @param duplicate true if the event had been processed before and changed nothing now
   * @param caseId the case of its conversation
   * @param caseEvent the case event it caused, empty for a duplicate
   */
  public record Outcome(boolean duplicate, String caseId, Optional<CaseEvent> caseEvent) {}

  /** Records the event and indexes its post; throws if either fails, so the caller retries. */
  public Outcome accept(IncomingPost in) {
    Outcome outcome = transactions.inTransaction(() -> record(in));
    Optional<Case> c = store.findCase(outcome.caseId());
    Optional<Post> post = store.findPost(in.itemId());
    if (c.isPresent() && post.isPresent()) {
      index.index(document(c.get(), post.get()));
    }
    return outcome;
  }

  private Outcome record(IncomingPost in) {
    String caseId = Ids.caseId(in.conversationKey());
    var now = clock.instant();
    if (!store.markProcessed(in.eventId(), now)) {
      return new Outcome(true, caseId, Optional.empty());
    }
    CaseRules.Decision decision =
        CaseRules.apply(store.lockCase(caseId), store.findPost(in.itemId()), in, now);
    store.saveCase(decision.caseAfter(), now);
    store.savePost(decision.postAfter(), now);
    if (in.text() != null) {
      store.keepRevision(in, now);
    }
    store.appendToOutbox(decision.event(), now);
    return new Outcome(false, caseId, Optional.of(decision.event()));
  }

  /** The search document of a post in its case. */
  static PostDocument document(Case c, Post p) {
    return new PostDocument(
        p.itemId(),
        p.eventId(),
        c.caseId(),
        c.conversationKey(),
        c.channel().name(),
        c.account(),
        p.authorName(),
        p.text(),
        p.url(),
        p.postedAt().toString(),
        p.labels().stream().sorted().map(Enum::name).toList(),
        p.priority().name(),
        p.route().name(),
        p.kind().name(),
        p.revision(),
        p.deleted());
  }
}
