package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A request to act on a platform item or author. Topic {@link Topics#MODERATION_COMMANDS}, key
 * {@link #targetKey}. Idempotent by {@link #commandId}: a redelivered command never acts twice.
 *
 * @param commandId unique per request; the moderation service deduplicates on it
 * @param targetKey {@link Ids#targetKey(Channel, String, String)} of the item or author
 * @param channel the platform
 * @param account the trust's account on it
 * @param action what to do
 * @param itemId Switchboard item id, null for author-only actions
 * @param platformItemId the item's id on the platform, null for author-only actions
 * @param authorPlatformId the author's id on the platform, for ban/mute/block
 * @param caseId the case this belongs to, when there is one
 * @param reason why, in words for the audit trail
 * @param requestedBy the person or policy asking
 * @param requestedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationCommand(
    String commandId,
    String targetKey,
    Channel channel,
    String account,
    ModerationAction action,
    String itemId,
    String platformItemId,
    String authorPlatformId,
    String caseId,
    String reason,
    Actor requestedBy,
    Instant requestedAt) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.moderation-command.v1";
}
