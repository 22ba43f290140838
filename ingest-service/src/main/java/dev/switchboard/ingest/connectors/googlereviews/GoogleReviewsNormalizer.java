package dev.switchboard.ingest.connectors.googlereviews;

import dev.switchboard.channels.google.BusinessReview;
import dev.switchboard.channels.http.Json;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.ingest.connectors.Revisions;
import dev.switchboard.ingest.text.TextCleaner;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps Google reviews to {@link ChannelEvent}s: account = the location id; a review is a REVIEW and
 * the root of its conversation, with its stars as {@code rating}; the owner's reply is a REPLY in
 * the same conversation (parent = the review), platform id {@code <reviewId>/reply} (a review has
 * at most one reply, which has no id of its own). CREATED is revision 0; EDITED and DELETED carry
 * the content's fingerprint ({@link Revisions}) as revision, so the same change seen twice is the
 * same event. Reviews are public; an anonymous reviewer is named as Google names them.
 */
public final class GoogleReviewsNormalizer {

  /** The name Google shows for a reviewer who chose to stay anonymous. */
  public static final String ANONYMOUS = "A Google user";

  /** The author of every reply: the location's owner or a manager. */
  public static final String OWNER = "Response from the owner";

  private GoogleReviewsNormalizer() {}

  /** The platform id of the owner's reply to {@code reviewId}. */
  public static String replyId(String reviewId) {
    return reviewId + "/reply";
  }

  /** The cleaned text of the review ({@code ""} for a rating without text). */
  public static String text(BusinessReview review) {
    String text = TextCleaner.clean(review.comment());
    return text == null ? "" : text;
  }

  /** The fingerprint of what a reviewer can change: the text and the stars. */
  public static int reviewFingerprint(BusinessReview review) {
    return Revisions.ofEdit(text(review) + "\u0000" + review.stars());
  }

  /** The fingerprint of the reply's text. */
  public static int replyFingerprint(BusinessReview.Reply reply) {
    return Revisions.ofEdit(replyText(reply));
  }

  private static String replyText(BusinessReview.Reply reply) {
    String text = TextCleaner.clean(reply.comment());
    return text == null ? "" : text;
  }

  /** The review's event of {@code kind} (CREATED or EDITED). */
  public static ChannelEvent review(
      String locationId, BusinessReview review, EventKind kind, String url, Instant receivedAt) {
    int revision = kind == EventKind.CREATED ? 0 : reviewFingerprint(review);
    String itemId = Ids.itemId(Channel.GOOGLE_REVIEWS, locationId, review.reviewId());
    String name = review.reviewerName();
    Author author =
        review.anonymous()
            ? new Author(null, name == null || name.isBlank() ? ANONYMOUS : name, null, null)
            : new Author(null, name, null, null);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.GOOGLE_REVIEWS, locationId, review.reviewId()),
        Channel.GOOGLE_REVIEWS,
        locationId,
        review.reviewId(),
        kind,
        revision,
        ItemType.REVIEW,
        review.reviewId(),
        null,
        author,
        text(review),
        url,
        review.createTime(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        review.stars(),
        null,
        null,
        review.raw());
  }

  /**
   * A review gone from {@code absences} complete listings in a row, as DELETED; {@code revision} is
   * the fingerprint of its last known content. There is no platform payload for an absence: {@code
   * raw} records the review's name and the observation.
   */
  public static ChannelEvent reviewDeleted(
      String accountId,
      String locationId,
      String reviewId,
      int revision,
      int absences,
      String url,
      Instant receivedAt) {
    String itemId = Ids.itemId(Channel.GOOGLE_REVIEWS, locationId, reviewId);
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    raw.put(
        "name",
        JsonNode.createStringNode(
            "accounts/" + accountId + "/locations/" + locationId + "/reviews/" + reviewId));
    raw.put("reviewId", JsonNode.createStringNode(reviewId));
    raw.put("absentFromCompleteListings", JsonNode.createNumberNode(absences));
    return new ChannelEvent(
        Ids.eventId(itemId, EventKind.DELETED, revision),
        itemId,
        Ids.conversationKey(Channel.GOOGLE_REVIEWS, locationId, reviewId),
        Channel.GOOGLE_REVIEWS,
        locationId,
        reviewId,
        EventKind.DELETED,
        revision,
        ItemType.REVIEW,
        reviewId,
        null,
        null,
        null,
        url,
        null,
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        Json.write(JsonNode.createObjectNode(raw)));
  }

  /** The owner's reply's event of {@code kind}, CREATED (revision 0) or EDITED. */
  public static ChannelEvent reply(
      String locationId, BusinessReview review, EventKind kind, String url, Instant receivedAt) {
    if (kind == EventKind.DELETED) {
      throw new IllegalArgumentException("use replyDeleted");
    }
    BusinessReview.Reply reply = review.reply();
    int revision = kind == EventKind.CREATED ? 0 : replyFingerprint(reply);
    return replyEvent(
        locationId,
        review.reviewId(),
        kind,
        revision,
        replyText(reply),
        // The API gives a reply only its last update time.
        reply.updateTime(),
        url,
        receivedAt,
        reply.raw());
  }

  /**
   * The owner's reply to {@code reviewId} is gone, as DELETED; {@code revision} is the fingerprint
   * of its last known text, {@code raw} what showed it (the review listed without a reply, or the
   * deleted review's observation).
   */
  public static ChannelEvent replyDeleted(
      String locationId,
      String reviewId,
      int revision,
      String url,
      Instant receivedAt,
      String raw) {
    return replyEvent(
        locationId, reviewId, EventKind.DELETED, revision, null, null, url, receivedAt, raw);
  }

  private static ChannelEvent replyEvent(
      String locationId,
      String reviewId,
      EventKind kind,
      int revision,
      String text,
      Instant createdAt,
      String url,
      Instant receivedAt,
      String raw) {
    String platformId = replyId(reviewId);
    String itemId = Ids.itemId(Channel.GOOGLE_REVIEWS, locationId, platformId);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.GOOGLE_REVIEWS, locationId, reviewId),
        Channel.GOOGLE_REVIEWS,
        locationId,
        platformId,
        kind,
        revision,
        ItemType.REPLY,
        reviewId,
        reviewId,
        new Author(null, OWNER, null, null),
        text,
        url,
        createdAt,
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        raw);
  }
}
