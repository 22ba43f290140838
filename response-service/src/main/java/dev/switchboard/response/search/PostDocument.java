package dev.switchboard.response.search;

import java.util.List;

/**
 * One item in the {@code posts} index (document id = itemId): its current text and classification.
 * Plain strings, so the search adapter can map it with any JSON library.
 *
 * @param itemId the platform item, also the document id
 * @param eventId the latest item event applied
 * @param caseId the case it belongs to
 * @param conversationKey its conversation
 * @param channel the platform
 * @param account the trust's account on it
 * @param authorName the author's display name
 * @param text the current text (english analysis)
 * @param url link to the item
 * @param createdAt when the platform says it was created, RFC 3339
 * @param labels label names
 * @param priority P1..P4
 * @param route team queue
 * @param kind kind of the latest item event
 * @param revision the revision the text belongs to
 * @param deleted whether the platform reported it deleted
 */
public record PostDocument(
    String itemId,
    String eventId,
    String caseId,
    String conversationKey,
    String channel,
    String account,
    String authorName,
    String text,
    String url,
    String createdAt,
    List<String> labels,
    String priority,
    String route,
    String kind,
    int revision,
    boolean deleted) {}
