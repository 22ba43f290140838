package dev.switchboard.ingest.webhook;

import java.util.List;

/**
 * The body of {@code POST /webhooks/generic/{account}} exactly as a caller sends it (documented in
 * {@code ingest-service/docs/generic-webhook.md}). Enumerations and the timestamp stay strings here
 * so that {@link GenericPostMapper} can say precisely which field is wrong.
 *
 * @param account optional; when present it must equal the account in the path
 * @param platformId the item's id on the caller's side, unique within the account (required)
 * @param threadRootId id of the conversation's first item; defaults to {@code platformId}
 * @param parentId id of the item this one answers, if any
 * @param kind {@code created} (default), {@code edited} or {@code deleted}
 * @param revision 0 (default) for the first version, one more per edit
 * @param itemType {@code post} (default), {@code comment}, {@code reply}, {@code review}, ...
 * @param author who wrote it
 * @param text the item's text; required unless {@code kind} is {@code deleted}
 * @param url link to the item
 * @param createdAt RFC 3339 time with offset, when the item was written (required)
 * @param visibility {@code public} (default) or {@code private}
 * @param rating 1..5 for reviews
 * @param language BCP 47 tag, if known
 * @param attachments media and links
 */
public record GenericPost(
    String account,
    String platformId,
    String threadRootId,
    String parentId,
    String kind,
    Integer revision,
    String itemType,
    GenericAuthor author,
    String text,
    String url,
    String createdAt,
    String visibility,
    Integer rating,
    String language,
    List<GenericAttachment> attachments) {

  /**
   * The author as the caller names them.
   *
   * @param id the author's id on the caller's side
   * @param name display name
   * @param handle username, if any
   * @param url profile link
   */
  public record GenericAuthor(String id, String name, String handle, String url) {}

  /**
   * Media or a link on the item.
   *
   * @param type image, video, link or file
   * @param url where it is served
   */
  public record GenericAttachment(String type, String url) {}
}
