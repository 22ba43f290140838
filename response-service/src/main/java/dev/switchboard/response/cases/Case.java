package dev.switchboard.response.cases;

import dev.switchboard.contracts.CaseEvent.CaseStatus;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.time.Instant;
import java.util.Set;

/**
 * A case: everything the comms team must answer in one conversation.
 *
 * @param caseId deterministic from the conversation key ({@link
 *     dev.switchboard.contracts.Ids#caseId})
 * @param conversationKey the conversation it follows
 * @param status where the team is with it
 * @param channel the platform of the conversation
 * @param account the trust's account on that platform
 * @param firstPostAt the earliest post time seen
 * @param lastPostAt the latest post time seen (the inbox sorts on it)
 * @param postCount how many distinct items the conversation has
 * @param labels the union of all its posts' labels
 * @param priority the highest priority any post had
 * @param team the queue it is routed to
 * @param sequence the sequence number of its latest case event
 */
public record Case(
    String caseId,
    String conversationKey,
    CaseStatus status,
    Channel channel,
    String account,
    Instant firstPostAt,
    Instant lastPostAt,
    int postCount,
    Set<LabelName> labels,
    Priority priority,
    Team team,
    long sequence) {

  /** Copies the labels so a case never changes under its holder. */
  public Case {
    labels = Set.copyOf(labels);
  }
}
