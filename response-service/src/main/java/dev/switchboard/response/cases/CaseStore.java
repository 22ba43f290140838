package dev.switchboard.response.cases;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases, posts, processed event ids and the case-event outbox are kept. */
public interface CaseStore {

  /**
   * Records that an item event is being processed.
   *
   * @return false if it was processed before (the caller must then change nothing)
   */
  boolean markProcessed(String eventId, Instant at);

  /** The case, locked against concurrent changes until the transaction ends. */
  Optional<Case> lockCase(String caseId);

  /** The case, for reading. */
  Optional<Case> findCase(String caseId);

  /** The post of an item. */
  Optional<Post> findPost(String itemId);

  /** Inserts or replaces the case. */
  void saveCase(Case c, Instant at);

  /** Inserts or replaces the post. */
  void savePost(Post p, Instant at);

  /** Keeps the text one item event carried, so no revision is ever lost. */
  void keepRevision(IncomingPost in, Instant at);

  /** Adds a case event to the outbox; it is published after the transaction commits. */
  void appendToOutbox(CaseEvent event, Instant at);

  /** Cases by latest post first, optionally only those in one status. */
  List<Case> listCases(Optional<CaseStatus> status, int size);

  /** The posts of a case in the order they were posted. */
  List<Post> postsOf(String caseId);
}
