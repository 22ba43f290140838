package dev.switchboard.channels.google;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import dev.switchboard.channels.oauth.AccessToken;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a location's reviews through the Google Business Profile API ({@code GET
 * /v4/accounts/{accountId}/locations/{locationId}/reviews}, {@code orderBy=updateTime desc}, at
 * most {@value #MAX_PAGE_SIZE} a page, an OAuth access token with scope {@code business.manage},
 * fixed or renewed: {@link AccessToken}). Retries, rate limits and the circuit are {@link
 * PlatformHttp}'s (built with {@code GoogleApiRules}); an answer not in the documented shape is
 * {@link PlatformException.Kind#MALFORMED_RESPONSE}, and a single broken review is left out and
 * counted. An answer without {@code reviews} is an empty page: Google leaves empty lists out of its
 * JSON.
 */
public final class BusinessProfileClient {

  /** The largest {@code pageSize} the API accepts. */
  public static final int MAX_PAGE_SIZE = 50;

  private static final Map<String, Integer> STARS =
      Map.of("ONE", 1, "TWO", 2, "THREE", 3, "FOUR", 4, "FIVE", 5);

  private final PlatformHttp http;

  /** A client over {@code http}, whose base URL is {@code https://mybusiness.googleapis.com}. */
  public BusinessProfileClient(PlatformHttp http) {
    this.http = http;
  }

  /**
   * One page of the reviews of {@code locationId} under {@code accountId}, most recently updated
   * first, read with {@code token} (of a manager of the location).
   *
   * @param pageToken the previous page's {@code nextPageToken}, null for the first page
   * @param pageSize 1–{@value #MAX_PAGE_SIZE}
   */
  public ReviewPage reviews(
      String accountId, String locationId, AccessToken token, String pageToken, int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1–" + MAX_PAGE_SIZE);
    }
    StringBuilder path =
        new StringBuilder("/v4/accounts/")
            .append(segment(accountId))
            .append("/locations/")
            .append(segment(locationId))
            .append("/reviews?pageSize=")
            .append(pageSize)
            .append("&orderBy=")
            .append(encode("updateTime desc"));
    if (pageToken != null) {
      path.append("&pageToken=").append(encode(pageToken));
    }
    String pathAndQuery = path.toString();
    // A renewable token that Google refuses (401) is renewed and the request made once more.
    PlatformResponse response = token.call(value -> http.get(pathAndQuery, headers(value)));
    JsonNode body =
        Json.parse(response.body())
            .filter(JsonNode::isObject)
            .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON object"));
    JsonNode items = Json.child(body, "reviews");
    if (items != null && !items.isArray()) {
      throw malformed(response.status(), "the answer's reviews is not an array");
    }
    List<BusinessReview> reviews = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    int malformed = 0;
    if (items != null) {
      for (JsonNode item : items.values()) {
        Optional<BusinessReview> review = review(item);
        if (review.isPresent()) {
          reviews.add(review.get());
        } else {
          malformed++;
          String id = item.isObject() ? Json.text(item, "reviewId") : null;
          if (id != null && !id.isBlank()) {
            unreadable.add(id);
          }
        }
      }
    }
    return new ReviewPage(
        reviews,
        malformed,
        unreadable,
        Json.text(body, "nextPageToken"),
        number(Json.child(body, "averageRating")).map(Number::doubleValue).orElse(null),
        number(Json.child(body, "totalReviewCount")).map(Number::intValue).orElse(null));
  }

  /** The review, or empty when it lacks an id or readable times, or its reply is broken. */
  static Optional<BusinessReview> review(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "reviewId");
    Optional<Instant> created = time(Json.text(node, "createTime"));
    if (id == null || id.isBlank() || created.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> updated = time(Json.text(node, "updateTime"));
    if (Json.text(node, "updateTime") != null && updated.isEmpty()) {
      return Optional.empty();
    }
    String starRating = Json.text(node, "starRating");
    Integer stars = starRating == null ? null : STARS.get(starRating);
    if (starRating != null && stars == null && !"STAR_RATING_UNSPECIFIED".equals(starRating)) {
      return Optional.empty();
    }
    JsonNode reviewer = Json.child(node, "reviewer");
    boolean anonymous = reviewer == null || isTrue(Json.child(reviewer, "isAnonymous"));
    BusinessReview.Reply reply = null;
    JsonNode replyNode = Json.child(node, "reviewReply");
    if (replyNode != null) {
      if (!replyNode.isObject()) {
        return Optional.empty();
      }
      Optional<Instant> replied = time(Json.text(replyNode, "updateTime"));
      String replyText = Json.text(replyNode, "comment");
      if (replied.isEmpty() || replyText == null) {
        return Optional.empty();
      }
      reply = new BusinessReview.Reply(replyText, replied.get(), Json.write(replyNode));
    }
    return Optional.of(
        new BusinessReview(
            Json.text(node, "name"),
            id,
            Json.text(reviewer, "displayName"),
            anonymous ? null : Json.text(reviewer, "profilePhotoUrl"),
            anonymous,
            stars,
            Json.text(node, "comment"),
            created.get(),
            updated.orElse(created.get()),
            reply,
            Json.write(node)));
  }

  /** The bearer token in a header, never in the URL, which proxies and logs keep. */
  private static Map<String, String> headers(String token) {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }

  private static boolean isTrue(JsonNode node) {
    return node != null && node.isBoolean() && node.getBooleanValue();
  }

  private static Optional<Number> number(JsonNode node) {
    return node != null && node.isNumber() ? Optional.of(node.getNumberValue()) : Optional.empty();
  }

  /** An RFC 3339 time as Google writes it (Z-normalised, 0–9 fraction digits, maybe an offset). */
  static Optional<Instant> time(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String segment(String id) {
    if (id == null || id.isBlank() || id.contains("/")) {
      throw new IllegalArgumentException("not an account or location id");
    }
    return encode(id);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
