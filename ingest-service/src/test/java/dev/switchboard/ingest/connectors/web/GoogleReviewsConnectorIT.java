package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.BusinessProfileFault;
import dev.switchboard.fakes.FakeBusinessProfile;
import dev.switchboard.fakes.FakeOAuthServer;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.GoogleReviewsConnectors;
import dev.switchboard.ingest.connectors.googlereviews.GoogleReviewsConnector;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Google reviews connector end to end: the fake Business Profile API for the platform, the real
 * Kafka broker of embedded-infra for events and cursors. Each test has its own location, so what it
 * reads from the topic is its own. Every pass is a sweep here ({@code sweep-interval: 0s}); the
 * sweep schedule itself is {@code GoogleReviewsConnectorTest}'s, on a stepped clock.
 */
@MicronautTest(environments = GoogleReviewsTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleReviewsConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final String ACCOUNT = "1160";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeBusinessProfile GOOGLE =
      FakeBusinessProfile.start()
          .addLocation(ACCOUNT, "L-main", "token-main")
          .addLocation(ACCOUNT, "L-storm", "token-storm")
          .addLocation(ACCOUNT, "L-broken", "token-broken")
          .addLocation(ACCOUNT, "L-restart", "token-restart")
          .addLocation(ACCOUNT, "L-gone", "token-gone")
          .addLocation(ACCOUNT, "L-renew", "not-issued-yet");
  private static final FakeOAuthServer OAUTH =
      FakeOAuthServer.start()
          .addClient("it-client", "it-secret")
          .addRefreshToken("1//it-renew-reviews", "it-client")
          .onIssue(token -> GOOGLE.setToken(ACCOUNT, "L-renew", token));

  @Inject EmbeddedServer server;
  @Inject GoogleReviewsConnectors connectors;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ChannelEventsReader topic;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>();
    p.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("switchboard.kafka.topic-partitions", "3");
    p.put("micronaut.server.port", "-1");
    p.put("switchboard.connectors.facebook.polling-enabled", "false");
    String prefix = "switchboard.connectors.google-reviews.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "api-url", GOOGLE.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "sweep-interval", "0s");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    for (String name : List.of("main-site", "storm", "broken", "restart", "gone", "renew")) {
      String location = name.equals("main-site") ? "L-main" : "L-" + name;
      p.put(prefix + "locations." + name + ".account-id", ACCOUNT);
      p.put(prefix + "locations." + name + ".location-id", location);
    }
    p.put("switchboard.connectors.google-oauth.token-url", OAUTH.baseUrl().toString());
    p.put(prefix + "locations.main-site.reviews-url", "https://g.page/r/main-site/review");
    // A location without a token: listed, not polled.
    p.put(prefix + "locations.untokened.account-id", ACCOUNT);
    p.put(prefix + "locations.untokened.location-id", "L-none");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    GOOGLE.close();
    OAUTH.close();
  }

  @Test
  void anAccessTokenGoogleNoLongerAcceptsIsRenewedAndNothingIsLost() {
    GOOGLE.addReview(ACCOUNT, "L-renew", "A", 4, "before", T0);
    assertThat(connectors.create("renew").poll().complete()).isTrue();
    assertThat(awaitEvents("L-renew", 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("before");

    // An hour later Google no longer takes the token; the refresh token gets a new one.
    GOOGLE.setToken(ACCOUNT, "L-renew", "issued-to-someone-else");
    GOOGLE.addReview(ACCOUNT, "L-renew", "B", 2, "after", T0.plusSeconds(3600));
    int before = GOOGLE.requests().size();
    assertThat(connectors.create("renew").poll().complete()).isTrue();

    assertThat(awaitEvents("L-renew", 2))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("before", "after");
    assertThat(GOOGLE.requests().subList(before, before + 2))
        .extracting(FakeBusinessProfile.RecordedRequest::status)
        .containsExactly(401, 200);
    assertThat(OAUTH.requests())
        .extracting(FakeOAuthServer.RecordedRequest::status)
        .containsExactly(200, 200);
  }

  @Test
  void reviewsRepliesAndEditsArriveAsChannelEvents() {
    String named =
        GOOGLE.addReview(ACCOUNT, "L-main", "Pat Jones", 2, "Waited <b>4 hours</b> in A&amp;E", T0);
    GOOGLE.reply(named, "We are sorry, please contact PALS.", T0.plusSeconds(600));
    String anonymous = GOOGLE.addAnonymousReview(ACCOUNT, "L-main", 5, null, T0.plusSeconds(60));

    assertThat(connectors.create("main-site").poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("L-main", 3);
    JsonNode review = byPlatformId(events, named);
    assertThat(review.get("channel").asString()).isEqualTo("GOOGLE_REVIEWS");
    assertThat(review.get("kind").asString()).isEqualTo("CREATED");
    assertThat(review.get("itemType").asString()).isEqualTo("REVIEW");
    assertThat(review.get("text").asString()).isEqualTo("Waited 4 hours in A&E");
    assertThat(review.get("rating").asInt()).isEqualTo(2);
    assertThat(review.get("threadRootId").asString()).isEqualTo(named);
    assertThat(review.has("parentId")).isFalse();
    assertThat(review.at("/author/name").asString()).isEqualTo("Pat Jones");
    assertThat(review.get("url").asString()).isEqualTo("https://g.page/r/main-site/review");
    assertThat(review.get("createdAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
    assertThat(review.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(review.get("source").asString()).isEqualTo("POLL");
    assertThat(review.get("raw").asString()).contains("\"starRating\":\"TWO\"");
    assertThat(review.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.GOOGLE_REVIEWS, "L-main", named));
    JsonNode reply = byPlatformId(events, named + "/reply");
    assertThat(reply.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(reply.get("parentId").asString()).isEqualTo(named);
    assertThat(reply.get("conversationKey").asString())
        .isEqualTo(review.get("conversationKey").asString());
    assertThat(reply.get("text").asString()).isEqualTo("We are sorry, please contact PALS.");
    JsonNode anon = byPlatformId(events, anonymous);
    assertThat(anon.at("/author/name").asString()).isEqualTo("A Google user");
    assertThat(anon.get("rating").asInt()).isEqualTo(5);

    GOOGLE.editReview(named, 1, "Waited 5 hours in A&E", T0.plusSeconds(3600));
    GOOGLE.deleteReply(named);
    assertThat(connectors.create("main-site").poll().complete()).isTrue();
    List<JsonNode> later = awaitEvents("L-main", 5).subList(3, 5);
    assertThat(later)
        .extracting(e -> e.get("platformId").asString() + " " + e.get("kind").asString())
        .containsExactly(named + " EDITED", named + "/reply DELETED");
    assertThat(later.get(0).get("text").asString()).isEqualTo("Waited 5 hours in A&E");
    assertThat(later.get(0).get("rating").asInt()).isEqualTo(1);
    assertThat(later.get(0).get("itemId").asString()).isEqualTo(review.get("itemId").asString());
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      String id =
          GOOGLE.addReview(
              ACCOUNT, "L-restart", "R" + i, 1 + i % 5, "review " + i, T0.plusSeconds(60L * i));
      GOOGLE.reply(id, "reply " + i, T0.plusSeconds(60L * i + 5));
      expected.add(Ids.itemId(Channel.GOOGLE_REVIEWS, "L-restart", id));
      expected.add(Ids.itemId(Channel.GOOGLE_REVIEWS, "L-restart", id + "/reply"));
    }

    // The first instance stops after two of four pages...
    GoogleReviewsConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    // ...a new one reads the cursor back from Kafka and carries on.
    GoogleReviewsConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    // And a third, after the pass, finds nothing new (and, a sweep, nothing gone).
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("L-restart", 14);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(14);
  }

  @Test
  void a429StormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 3; i++) {
      GOOGLE.addReview(ACCOUNT, "L-storm", "R" + i, 3, "storm " + i, T0.plusSeconds(i));
    }
    int before = GOOGLE.requests().size();
    GOOGLE.failNext(new BusinessProfileFault.TooManyRequests(-1));
    GOOGLE.failNext(new BusinessProfileFault.TooManyRequests(-1));
    GOOGLE.failNext(new BusinessProfileFault.TooManyRequests(1));
    GOOGLE.failNext(new BusinessProfileFault.ServerError(503));

    GoogleReviewsConnector connector = connectors.create("storm");
    assertThat(connector.poll().complete()).isTrue();

    List<FakeBusinessProfile.RecordedRequest> storm =
        GOOGLE.requests().subList(before, GOOGLE.requests().size());
    assertThat(storm.subList(0, 5))
        .extracting(FakeBusinessProfile.RecordedRequest::status)
        .containsExactly(429, 429, 429, 503, 200);
    // Backoff from 200 ms doubling with ±50% jitter, and Retry-After: 1 s honoured.
    assertThat(gap(storm, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(storm, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(gap(storm, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(awaitEvents("L-storm", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");

    // A storm longer than a request's attempts: the pass ends, the next one catches up.
    GOOGLE.addReview(ACCOUNT, "L-storm", "R9", 1, "after the storm", T0.plusSeconds(60));
    for (int i = 0; i < 5; i++) {
      GOOGLE.failNext(new BusinessProfileFault.TooManyRequests(-1));
    }
    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();
    assertThat(awaitEvents("L-storm", 4))
        .extracting(e -> e.get("text").asString())
        .contains("after the storm");
  }

  @Test
  void malformedAnswersAndReviewsAreReportedAndSkippedWithoutStoppingTheConnector()
      throws Exception {
    GOOGLE.addReview(ACCOUNT, "L-broken", "A", 4, "good review", T0);
    GOOGLE.corruptReview(
        GOOGLE.addReview(ACCOUNT, "L-broken", "B", 1, "broken review", T0.plusSeconds(1)));
    GOOGLE.failNext(new BusinessProfileFault.MalformedJson());
    GoogleReviewsConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("L-broken", 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("good review");
    String metrics = get("/prometheus").body();
    // Once the broken answer, once the broken review.
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"google-reviews:broken\"[^}]*}"
                + " 2\\.0");
    assertThat(metrics).doesNotContain("broken review").doesNotContain("good review");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("google-reviews:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(2);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(api.toString()).contains("google-reviews:untokened").doesNotContain("good review");
  }

  @Test
  void aReviewMissingFromTwoCompleteListingsArrivesAsDeleted() {
    String kept = GOOGLE.addReview(ACCOUNT, "L-gone", "K", 5, "kept", T0);
    String gone = GOOGLE.addReview(ACCOUNT, "L-gone", "G", 1, "gone soon", T0.plusSeconds(1));
    assertThat(connectors.create("gone").poll().complete()).isTrue();
    awaitEvents("L-gone", 2);

    GOOGLE.removeReview(gone);
    assertThat(connectors.create("gone").poll().complete()).isTrue();
    // One listing without it proves nothing.
    awaitEvents("L-gone", 2);
    assertThat(connectors.create("gone").poll().complete()).isTrue();

    JsonNode deleted = awaitEvents("L-gone", 3).get(2);
    assertThat(deleted.get("kind").asString()).isEqualTo("DELETED");
    assertThat(deleted.get("platformId").asString()).isEqualTo(gone);
    assertThat(deleted.get("itemType").asString()).isEqualTo("REVIEW");
    assertThat(deleted.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.GOOGLE_REVIEWS, "L-gone", gone));
    assertThat(deleted.get("raw").asString()).contains("absentFromCompleteListings");
    assertThat(kept).isNotEqualTo(gone);
  }

  private static Duration gap(List<FakeBusinessProfile.RecordedRequest> requests, int i) {
    return Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.GOOGLE_REVIEWS, account, count);
  }
}
