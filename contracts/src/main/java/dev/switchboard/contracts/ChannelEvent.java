package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One platform item (post, comment, review, mention, message) created, edited or deleted, as the
 * ingest service normalised it. Topic {@link Topics#CHANNEL_EVENTS}, key {@link #conversationKey}.
 *
 * @param eventId deterministic: {@link Ids#eventId(String, EventKind, int)}
 * @param itemId deterministic: {@link Ids#itemId(Channel, String, String)}
 * @param conversationKey deterministic: {@link Ids#conversationKey(Channel, String, String)}
 * @param channel the platform
 * @param account the trust's account on that platform (Page id, blog id, handle, ODS code)
 * @param platformId the item's id on the platform, unique only within the account
 * @param kind created, edited or deleted
 * @param revision 0 for the first version, incremented per edit the connector sees
 * @param itemType post, comment, review...
 * @param threadRootId platform id of the conversation's root item (itself when it is the root)
 * @param parentId platform id of the item replied to, null for a root
 * @param author who wrote it
 * @param text the item's text as the platform gives it (untrusted)
 * @param url link to the item on the platform
 * @param createdAt when the platform says it was created
 * @param receivedAt when Switchboard received it
 * @param visibility public or private (messages)
 * @param source webhook, poll or import
 * @param rating star rating for reviews, null otherwise
 * @param language BCP 47 language tag when known
 * @param attachments media and links
 * @param raw the original platform payload, verbatim, for evidence and reprocessing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelEvent(
    String eventId,
    String itemId,
    String conversationKey,
    Channel channel,
    String account,
    String platformId,
    EventKind kind,
    int revision,
    ItemType itemType,
    String threadRootId,
    String parentId,
    Author author,
    String text,
    String url,
    Instant createdAt,
    Instant receivedAt,
    Visibility visibility,
    IngestSource source,
    Integer rating,
    String language,
    List<Attachment> attachments,
    String raw) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.channel-event.v1";
}
