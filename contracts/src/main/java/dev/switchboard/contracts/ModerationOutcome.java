package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What became of a moderation command. Topic {@link Topics#MODERATION_OUTCOMES}, key {@link
 * #targetKey}.
 *
 * @param commandId the command this answers
 * @param targetKey as on the command
 * @param channel the platform
 * @param account the trust's account
 * @param action the action attempted
 * @param itemId Switchboard item id, when the action was on an item
 * @param caseId the case, when there is one
 * @param status done, failed, unsupported or refused
 * @param reason why it failed or was refused; null when done
 * @param attempts how many platform calls were made
 * @param evidence the item as it was just before a destructive action, null otherwise
 * @param completedAt when the outcome was decided
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationOutcome(
    String commandId,
    String targetKey,
    Channel channel,
    String account,
    ModerationAction action,
    String itemId,
    String caseId,
    Status status,
    String reason,
    int attempts,
    Evidence evidence,
    Instant completedAt) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.moderation-outcome.v1";

  /** How a command ended. */
  public enum Status {
    DONE,
    FAILED,
    UNSUPPORTED,
    REFUSED
  }
}
