package dev.switchboard.channels.google;

import java.util.List;

/**
 * One page of a location's reviews.
 *
 * @param reviews each readable review, in the order Google listed them
 * @param malformedItems reviews not in the documented shape and left out
 * @param unreadableIds the ids of those left-out reviews that still had a readable {@code
 *     reviewId}: they are listed, so they are not gone
 * @param nextPageToken the token of the next page, null on the last
 * @param averageRating the location's average rating, null when Google left it out
 * @param totalReviewCount the location's number of reviews, null when Google left it out
 */
public record ReviewPage(
    List<BusinessReview> reviews,
    int malformedItems,
    List<String> unreadableIds,
    String nextPageToken,
    Double averageRating,
    Integer totalReviewCount) {

  /** Copies the lists. */
  public ReviewPage {
    reviews = List.copyOf(reviews);
    unreadableIds = List.copyOf(unreadableIds);
  }
}
