package dev.switchboard.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake follows the documented listing: empty values left out, offsets that move. */
class FakeBusinessProfileTest {

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final String REVIEWS = "/v4/accounts/1/locations/2/reviews";
  private final FakeBusinessProfile google = FakeBusinessProfile.start().addLocation("1", "2", "t");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    google.close();
  }

  private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(google.baseUrl() + pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEmptyLocationAnswersAnEmptyObjectAsGoogleLeavesEmptyListsOut() throws Exception {
    HttpResponse<String> answer = get(REVIEWS, "t");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{}");
  }

  @Test
  void aReviewUpdatedDuringAPassMovesAheadOfTheOffsetAsOnALiveListing() throws Exception {
    String a = google.addReview("1", "2", "A", 5, "a", T0);
    google.addReview("1", "2", "B", 4, "b", T0.plusSeconds(1));
    google.addReview("1", "2", "C", 3, "c", T0.plusSeconds(2));

    HttpResponse<String> first = get(REVIEWS + "?pageSize=2", "t");
    assertThat(first.body()).contains("\"totalReviewCount\":3").contains("\"nextPageToken\"");
    Matcher token = Pattern.compile("\"nextPageToken\":\"([^\"]+)\"").matcher(first.body());
    assertThat(token.find()).isTrue();
    // A, last on the listing, is edited before the second page is asked for: it moves to the
    // front, and the second page no longer holds it.
    google.editReview(a, 1, "a, edited", T0.plusSeconds(60));

    HttpResponse<String> second = get(REVIEWS + "?pageSize=2&pageToken=" + token.group(1), "t");
    assertThat(second.body()).doesNotContain(a).doesNotContain("nextPageToken");
  }

  @Test
  void refusesWithoutTheManagersTokenAndForUnknownLocations() throws Exception {
    assertThat(get(REVIEWS, null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = get(REVIEWS, "other");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"status\":\"UNAUTHENTICATED\"");
    assertThat(get("/v4/accounts/1/locations/3/reviews", "t").statusCode()).isEqualTo(404);
    assertThat(get(REVIEWS + "?pageSize=51", "t").statusCode()).isEqualTo(400);
    assertThat(get(REVIEWS + "?orderBy=updateTime", "t").statusCode()).isEqualTo(400);
    assertThat(google.requests()).hasSize(5);
  }
}
