package dev.switchboard.channels.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.fakes.BusinessProfileFault;
import dev.switchboard.fakes.FakeBusinessProfile;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Business Profile client over the real micronaut transport against the fake API. */
class BusinessProfileClientTest {

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final String ACCOUNT = "1160";
  private static final String LOCATION = "9876543210";
  private static final AccessToken TOKEN = AccessToken.fixed("manager-token");

  private final FakeBusinessProfile google =
      FakeBusinessProfile.start().addLocation(ACCOUNT, LOCATION, "manager-token");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  private final PlatformHttp http = http();
  private final BusinessProfileClient client = new BusinessProfileClient(http);

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              google.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GoogleApiRules("google-business-profile"),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5)),
          waits::add,
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    google.close();
  }

  @Test
  void readsEveryReviewAcrossPagesNewestUpdateFirstWithRatingReviewerAndReply() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(
          google.addReview(
              ACCOUNT, LOCATION, "Reviewer " + i, i + 1, "Visit " + i, T0.plusSeconds(i)));
    }
    google.reply(ids.get(1), "Thank you for your feedback.", T0.plusSeconds(100));
    google.editReview(ids.get(0), 2, "Visit 0, edited", T0.plusSeconds(50));

    List<BusinessReview> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    ReviewPage page;
    do {
      page = client.reviews(ACCOUNT, LOCATION, TOKEN, token, 2);
      all.addAll(page.reviews());
      token = page.nextPageToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(page.totalReviewCount()).isEqualTo(5);
    assertThat(page.averageRating()).isNotNull();
    // Most recently updated first: the edited review leads.
    assertThat(all).extracting(BusinessReview::reviewId).hasSize(5).startsWith(ids.get(0));
    BusinessReview edited = all.get(0);
    assertThat(edited.stars()).isEqualTo(2);
    assertThat(edited.comment()).isEqualTo("Visit 0, edited");
    assertThat(edited.updateTime()).isEqualTo(T0.plusSeconds(50));
    assertThat(edited.createTime()).isEqualTo(T0);
    assertThat(edited.reviewerName()).isEqualTo("Reviewer 0");
    assertThat(edited.anonymous()).isFalse();
    assertThat(edited.reviewerPhotoUrl()).startsWith("https://");
    assertThat(edited.name())
        .isEqualTo("accounts/" + ACCOUNT + "/locations/" + LOCATION + "/reviews/" + ids.get(0));
    assertThat(edited.raw()).contains("\"starRating\":\"TWO\"");
    BusinessReview replied =
        all.stream().filter(r -> r.reviewId().equals(ids.get(1))).findFirst().orElseThrow();
    assertThat(replied.reply().comment()).isEqualTo("Thank you for your feedback.");
    assertThat(replied.reply().updateTime()).isEqualTo(T0.plusSeconds(100));
    assertThat(replied.reply().raw()).contains("Thank you");
    assertThat(google.requests())
        .allSatisfy(
            r -> {
              assertThat(r.query()).contains("orderBy=updateTime%20desc").contains("pageSize=2");
              assertThat(r.authorization()).isEqualTo("Bearer manager-token");
              assertThat(r.path())
                  .isEqualTo("/v4/accounts/" + ACCOUNT + "/locations/" + LOCATION + "/reviews");
            });
  }

  @Test
  void anAnonymousReviewerAndARatingWithoutTextAreReadable() {
    google.addAnonymousReview(ACCOUNT, LOCATION, 1, null, T0);

    BusinessReview review = client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50).reviews().get(0);
    assertThat(review.anonymous()).isTrue();
    assertThat(review.reviewerName()).isEqualTo(FakeBusinessProfile.ANONYMOUS_NAME);
    assertThat(review.reviewerPhotoUrl()).isNull();
    assertThat(review.comment()).isNull();
    assertThat(review.stars()).isEqualTo(1);
    assertThat(review.reply()).isNull();
  }

  @Test
  void aLocationWithoutReviewsIsAnEmptyPage() {
    ReviewPage page = client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50);
    assertThat(page.reviews()).isEmpty();
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.malformedItems()).isZero();
  }

  @Test
  void aWrongTokenOrAnUnknownLocationIsPermanentAndNotRetried() {
    assertThatThrownBy(
            () -> client.reviews(ACCOUNT, LOCATION, AccessToken.fixed("stale"), null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.errorCode()).contains("UNAUTHENTICATED");
              assertThat(e.getMessage()).doesNotContain("stale");
            });
    assertThatThrownBy(() -> client.reviews(ACCOUNT, "404404", TOKEN, null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.errorCode()).contains("NOT_FOUND");
            });
    assertThat(google.requests()).hasSize(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfterWithBackoffOtherwise() {
    google.addReview(ACCOUNT, LOCATION, "R", 5, "Lovely staff", T0);
    google.failNext(new BusinessProfileFault.TooManyRequests(7));
    google.failNext(new BusinessProfileFault.TooManyRequests(-1));

    assertThat(client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50).reviews()).hasSize(1);
    assertThat(google.requests())
        .extracting(FakeBusinessProfile.RecordedRequest::status)
        .containsExactly(429, 429, 200);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    // Without Retry-After: the jittered backoff, never nothing.
    assertThat(waits.get(1)).isPositive().isLessThan(Duration.ofSeconds(1));

    google.failNext(new BusinessProfileFault.ServerError(503));
    assertThat(client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50).reviews()).hasSize(1);
    assertThat(waits).hasSize(3);
  }

  @Test
  void aStormLongerThanTheAttemptsIsHandedBackAsARateLimitWithItsWait() {
    for (int i = 0; i < 3; i++) {
      google.failNext(new BusinessProfileFault.TooManyRequests(30));
    }
    assertThatThrownBy(() -> client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.errorCode()).contains("RATE_LIMIT_EXCEEDED");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
    assertThat(google.requests()).hasSize(3);
  }

  @Test
  void malformedAnswersAndReviewsAreTyped() {
    String good = google.addReview(ACCOUNT, LOCATION, "A", 4, "good", T0);
    String broken = google.addReview(ACCOUNT, LOCATION, "B", 1, "broken", T0.plusSeconds(1));
    google.corruptReview(broken);

    ReviewPage page = client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50);
    assertThat(page.malformedItems()).isEqualTo(1);
    assertThat(page.unreadableIds()).containsExactly(broken);
    assertThat(page.reviews()).extracting(BusinessReview::reviewId).containsExactly(good);

    google.failNext(new BusinessProfileFault.MalformedJson());
    assertThatThrownBy(() -> client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("AbFvOq");
            });
    google.failNext(new BusinessProfileFault.ReviewsNotAnArray());
    assertThatThrownBy(() -> client.reviews(ACCOUNT, LOCATION, TOKEN, null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    assertThat(waits).isEmpty();
  }

  @Test
  void aPageSizeOutsideTheApisLimitIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> client.reviews(ACCOUNT, LOCATION, TOKEN, null, 51))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.reviews("a/b", LOCATION, TOKEN, null, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(google.requests()).isEmpty();
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheRequestRepeated() {
    google.addReview(ACCOUNT, LOCATION, "R", 5, "Lovely staff", T0);
    List<String> rejected = new ArrayList<>();
    AccessToken renewing =
        new AccessToken() {
          private String current = "expired";

          @Override
          public String value() {
            return current;
          }

          @Override
          public void rejected(String value) {
            rejected.add(value);
            current = "manager-token";
          }

          @Override
          public boolean renewable() {
            return true;
          }
        };

    assertThat(client.reviews(ACCOUNT, LOCATION, renewing, null, 50).reviews()).hasSize(1);
    assertThat(rejected).containsExactly("expired");
    assertThat(google.requests())
        .extracting(FakeBusinessProfile.RecordedRequest::status)
        .containsExactly(401, 200);
  }
}
