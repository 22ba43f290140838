package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something that happened to a case. Topic {@link Topics#CASE_EVENTS}, key {@link #caseId}.
 *
 * @param eventId unique ({@link Ids#caseEventId} when an item event caused it); consumers
 *     deduplicate on it
 * @param caseId the case: {@link Ids#caseId(String)} of its conversation
 * @param conversationKey the conversation the case follows
 * @param type what happened
 * @param sequence per-case sequence number, increasing by one per event
 * @param status the case status after the event
 * @param team the team queue after the event
 * @param assignee user id of the assignee after the event, null when unassigned
 * @param priority the priority after the event
 * @param labels the case's labels after the event
 * @param itemIds the items the event concerns (the post added, the items put under legal hold)
 * @param actor who did it
 * @param occurredAt when
 * @param details type-specific extra facts, as strings (e.g. the reason for a priority override)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
    String eventId,
    String caseId,
    String conversationKey,
    Type type,
    long sequence,
    CaseStatus status,
    Team team,
    String assignee,
    Priority priority,
    List<LabelName> labels,
    List<String> itemIds,
    Actor actor,
    Instant occurredAt,
    Map<String, String> details) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.case-event.v1";

  /** Kinds of case event. */
  public enum Type {
    CASE_OPENED,
    POST_ADDED,
    STATUS_CHANGED,
    ASSIGNED,
    PRIORITY_CHANGED,
    DRAFT_SUBMITTED,
    DRAFT_APPROVED,
    DRAFT_REJECTED,
    REPLY_SENT,
    LEGAL_HOLD_PLACED,
    LEGAL_HOLD_RELEASED,
    REOPENED,
    CLOSED
  }

  /** Statuses a comms team recognises. */
  public enum CaseStatus {
    NEW,
    IN_PROGRESS,
    AWAITING_APPROVAL,
    AWAITING_LEGAL,
    REPLIED,
    AWAITING_PUBLIC,
    CLOSED,
    NO_REPLY_NEEDED
  }
}
