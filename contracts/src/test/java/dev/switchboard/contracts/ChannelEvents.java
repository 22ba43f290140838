package dev.switchboard.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Channel events a hospital trust's social inbox really receives, with ids computed by {@link Ids}.
 */
final class ChannelEvents {

  private ChannelEvents() {}

  static final String TRUST_PAGE = "104857600012345";
  static final String WINTER_POST = TRUST_PAGE + "_812345678901234";
  static final String COMPLAINT_COMMENT = "812345678901234_1923456789012345";
  static final String COMPLAINT_TEXT =
      "Waited 9 hours in A&E at Northbridge General last night with my dad (he's 84) and nobody"
          + " told us anything. Absolutely disgraceful. Who do I complain to?";

  static final String REVIEW_LOCATION = "accounts/112233445566778899/locations/5566778899001122334";
  static final String REVIEW_ID = "AbFvOqkR7xZyQm3T9dLp2WcN";

  /** A public Facebook comment on the trust's post, complaining about an A&E wait. */
  static ChannelEvent aFacebookComplaint() {
    return facebookComment(COMPLAINT_COMMENT, COMPLAINT_TEXT, EventKind.CREATED, 0);
  }

  /** A top-level comment on the trust's winter-pressures post, as the Page webhook delivers it. */
  static ChannelEvent facebookComment(String commentId, String text, EventKind kind, int revision) {
    String itemId = Ids.itemId(Channel.FACEBOOK, TRUST_PAGE, commentId);
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.FACEBOOK, TRUST_PAGE, WINTER_POST),
        Channel.FACEBOOK,
        TRUST_PAGE,
        commentId,
        kind,
        revision,
        ItemType.COMMENT,
        WINTER_POST,
        WINTER_POST,
        new Author("7012345678901234", "Jo Bloggs", null, null),
        text,
        "https://www.facebook.com/104857600012345/posts/812345678901234?comment_id=1923456789012345",
        Instant.parse("2025-03-14T08:42:07Z"),
        Instant.parse("2025-03-14T08:42:09.318Z"),
        Visibility.PUBLIC,
        IngestSource.WEBHOOK,
        null,
        "en",
        List.of(),
        "{\"object\":\"page\",\"entry\":[{\"id\":\"" + TRUST_PAGE + "\"}]}");
  }

  /** A four-star Google review of the maternity unit, found by polling. */
  static ChannelEvent aGoogleReview() {
    String itemId = Ids.itemId(Channel.GOOGLE_REVIEWS, REVIEW_LOCATION, REVIEW_ID);
    return new ChannelEvent(
        Ids.eventId(itemId, EventKind.CREATED, 0),
        itemId,
        Ids.conversationKey(Channel.GOOGLE_REVIEWS, REVIEW_LOCATION, REVIEW_ID),
        Channel.GOOGLE_REVIEWS,
        REVIEW_LOCATION,
        REVIEW_ID,
        EventKind.CREATED,
        0,
        ItemType.REVIEW,
        REVIEW_ID,
        null,
        new Author(null, "Sam T.", null, null),
        "The midwives on the Willow maternity unit were wonderful and so kind to us.",
        "https://search.google.com/local/reviews?placeid=ChIJexampleNorthbridgeGH",
        Instant.parse("2025-03-13T19:05:44Z"),
        Instant.parse("2025-03-14T09:00:03.127Z"),
        Visibility.PUBLIC,
        IngestSource.POLL,
        4,
        "en-GB",
        List.of(new Attachment("image", "https://lh3.googleusercontent.com/p/example-photo")),
        "{\"reviewId\":\"" + REVIEW_ID + "\",\"starRating\":\"FOUR\"}");
  }
}
