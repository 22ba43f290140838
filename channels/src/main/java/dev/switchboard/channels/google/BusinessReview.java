package dev.switchboard.channels.google;

import java.time.Instant;

/**
 * One review of a location as {@code accounts.locations.reviews.list} returned it.
 *
 * @param name the resource name {@code accounts/{a}/locations/{l}/reviews/{r}}
 * @param reviewId the review's (encrypted, opaque) id
 * @param reviewerName the reviewer's display name; Google fills the real name only when the
 *     reviewer is not anonymous, may be null
 * @param reviewerPhotoUrl the reviewer's profile photo, only for a reviewer who is not anonymous
 * @param anonymous whether the reviewer chose to stay anonymous
 * @param stars the star rating 1–5, null when Google says {@code STAR_RATING_UNSPECIFIED}
 * @param comment the review's text (plain text with markup), null for a rating without text
 * @param createTime when it was written
 * @param updateTime when it was last changed
 * @param reply the owner's reply, null when there is none
 * @param raw the review's JSON as received (its reply included)
 */
public record BusinessReview(
    String name,
    String reviewId,
    String reviewerName,
    String reviewerPhotoUrl,
    boolean anonymous,
    Integer stars,
    String comment,
    Instant createTime,
    Instant updateTime,
    Reply reply,
    String raw) {

  /**
   * The owner's (or a manager's) reply to a review; a review has at most one.
   *
   * @param comment the reply's text
   * @param updateTime when it was last changed
   * @param raw the {@code reviewReply} JSON as received
   */
  public record Reply(String comment, Instant updateTime, String raw) {}
}
