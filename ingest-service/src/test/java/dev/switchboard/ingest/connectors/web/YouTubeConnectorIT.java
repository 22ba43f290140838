package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FakeOAuthServer;
import dev.switchboard.fakes.FakeYouTube;
import dev.switchboard.fakes.YouTubeFault;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.Connector.PollOutcome;
import dev.switchboard.ingest.connectors.config.YouTubeConnectors;
import dev.switchboard.ingest.connectors.youtube.YouTubeChannelConnector;
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
 * The YouTube connector end to end: the fake YouTube API for the platform, the real Kafka broker of
 * embedded-infra for events and cursors. Each test has its own channel, so what it reads from the
 * topic is its own.
 */
@MicronautTest(environments = YouTubeTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YouTubeConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeYouTube YOUTUBE =
      FakeYouTube.start()
          .addChannel("UCtrust", "key-trust", "owner-trust")
          .addChannel("UCstorm", "key-storm", "owner-storm")
          .addChannel("UCbroken", "key-broken", "owner-broken")
          .addChannel("UCrestart", "key-restart", "owner-restart")
          .addChannel("UCrenew", "key-renew", "not-issued-yet");
  private static final FakeOAuthServer OAUTH =
      FakeOAuthServer.start()
          .addClient("it-client", "it-secret")
          .addRefreshToken("1//it-renew", "it-client")
          .onIssue(token -> YOUTUBE.setOwnerToken("UCrenew", token));

  @Inject EmbeddedServer server;
  @Inject YouTubeConnectors connectors;
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
    String prefix = "switchboard.connectors.youtube.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "api-url", YOUTUBE.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "channels.trust.channel-id", "UCtrust");
    p.put(prefix + "channels.storm.channel-id", "UCstorm");
    p.put(prefix + "channels.broken.channel-id", "UCbroken");
    p.put(prefix + "channels.restart.channel-id", "UCrestart");
    p.put(prefix + "channels.restart.moderation-statuses", "published");
    p.put(prefix + "channels.renew.channel-id", "UCrenew");
    p.put("switchboard.connectors.google-oauth.token-url", OAUTH.baseUrl().toString());
    // A channel without a token: listed, not polled.
    p.put(prefix + "channels.untokened.channel-id", "UCnone");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    YOUTUBE.close();
    OAUTH.close();
  }

  @Test
  void anAccessTokenThePlatformNoLongerAcceptsIsRenewedAndNothingIsLost() {
    YOUTUBE.addComment("UCrenew", "v", "published", "before", "UCa", "A", T0);
    assertThat(connectors.create("renew").poll().complete()).isTrue();
    assertThat(awaitEvents("UCrenew", 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("before");

    // An hour later Google no longer takes the token; the refresh token gets a new one.
    YOUTUBE.setOwnerToken("UCrenew", "issued-to-someone-else");
    YOUTUBE.addComment("UCrenew", "v", "published", "after", "UCa", "A", T0.plusSeconds(3600));
    int before = YOUTUBE.requests().size();
    assertThat(connectors.create("renew").poll().complete()).isTrue();

    assertThat(awaitEvents("UCrenew", 2))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("before", "after");
    assertThat(YOUTUBE.requests().subList(before, before + 2))
        .extracting(FakeYouTube.RecordedRequest::status)
        .containsExactly(401, 200);
    assertThat(OAUTH.requests())
        .extracting(FakeOAuthServer.RecordedRequest::status)
        .containsExactly(200, 200);
  }

  @Test
  void commentsRepliesHeldCommentsAndEditsArriveAsChannelEvents() {
    String top =
        YOUTUBE.addComment(
            "UCtrust", "vid1", "published", "Waited <b>4 hours</b> in A&amp;E", "UCpat", "Pat", T0);
    String reply = YOUTUBE.addReply(top, "Same here", "UCsam", "Sam", T0.plusSeconds(30));
    String held =
        YOUTUBE.addComment(
            "UCtrust", "vid2", "heldForReview", "Is this the right number?", "UCjo", "Jo", T0);
    String spam =
        YOUTUBE.addComment("UCtrust", "vid2", "likelySpam", "cheap pills", "UCbot", "Bot", T0);

    assertThat(connectors.create("trust").poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("UCtrust", 4);
    JsonNode topEvent = byPlatformId(events, top);
    assertThat(topEvent.get("channel").asString()).isEqualTo("YOUTUBE");
    assertThat(topEvent.get("kind").asString()).isEqualTo("CREATED");
    assertThat(topEvent.get("itemType").asString()).isEqualTo("COMMENT");
    assertThat(topEvent.get("text").asString()).isEqualTo("Waited 4 hours in A&E");
    assertThat(topEvent.get("threadRootId").asString()).isEqualTo(top);
    assertThat(topEvent.get("source").asString()).isEqualTo("POLL");
    assertThat(topEvent.get("url").asString())
        .isEqualTo("https://www.youtube.com/watch?v=vid1&lc=" + top);
    assertThat(topEvent.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.YOUTUBE, "UCtrust", top));
    assertThat(topEvent.at("/author/platformId").asString()).isEqualTo("UCpat");
    assertThat(topEvent.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(top);
    assertThat(replyEvent.get("conversationKey").asString())
        .isEqualTo(topEvent.get("conversationKey").asString());
    assertThat(byPlatformId(events, held).get("raw").asString())
        .contains("\"moderationStatus\":\"heldForReview\"");
    assertThat(byPlatformId(events, spam).get("raw").asString())
        .contains("\"moderationStatus\":\"likelySpam\"");

    YOUTUBE.editComment(top, "Waited 5 hours in A&E", T0.plusSeconds(600));
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    JsonNode edit = awaitEvents("UCtrust", 5).get(4);
    assertThat(edit.get("kind").asString()).isEqualTo("EDITED");
    assertThat(edit.get("itemId").asString()).isEqualTo(topEvent.get("itemId").asString());
    assertThat(edit.get("text").asString()).isEqualTo("Waited 5 hours in A&E");
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      String top =
          YOUTUBE.addComment(
              "UCrestart", "v", "published", "comment " + i, "UCa", "A", T0.plusSeconds(60L * i));
      String reply = YOUTUBE.addReply(top, "reply " + i, "UCb", "B", T0.plusSeconds(60L * i + 5));
      expected.add(Ids.itemId(Channel.YOUTUBE, "UCrestart", top));
      expected.add(Ids.itemId(Channel.YOUTUBE, "UCrestart", reply));
    }

    // The first instance stops after two of four pages...
    YouTubeChannelConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    // ...a new one reads the cursor back from Kafka and carries on.
    YouTubeChannelConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    // And a third, after the pass, finds nothing new.
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("UCrestart", 14);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(14);
  }

  @Test
  void aRateLimitAndQuotaStormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 3; i++) {
      YOUTUBE.addComment("UCstorm", "v", "published", "storm " + i, "UCa", "A", T0.plusSeconds(i));
    }
    int before = YOUTUBE.requests().size();
    YOUTUBE.failNext(new YouTubeFault.RateLimitExceeded());
    YOUTUBE.failNext(new YouTubeFault.RateLimitExceeded());
    YOUTUBE.failNext(new YouTubeFault.TooManyRequests(1));
    YOUTUBE.failNext(new YouTubeFault.ServerError(503));

    YouTubeChannelConnector connector = connectors.create("storm");
    assertThat(connector.poll().complete()).isTrue();

    List<FakeYouTube.RecordedRequest> storm =
        YOUTUBE.requests().subList(before, YOUTUBE.requests().size());
    assertThat(storm.subList(0, 5))
        .extracting(FakeYouTube.RecordedRequest::status)
        .containsExactly(403, 403, 429, 503, 200);
    // Backoff from 200 ms doubling with ±50% jitter, and Retry-After: 1 s honoured.
    assertThat(gap(storm, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(storm, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(gap(storm, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(awaitEvents("UCstorm", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");

    // The day's quota runs out: the connector waits for Pacific midnight, then catches up.
    YOUTUBE.addComment("UCstorm", "v", "published", "after quota", "UCa", "A", T0.plusSeconds(60));
    YOUTUBE.failNext(new YouTubeFault.QuotaExceeded());
    PollOutcome spent = connector.poll();
    assertThat(spent.complete()).isFalse();
    assertThat(spent.nextPollIn())
        .isGreaterThan(Duration.ofMinutes(5))
        .isLessThanOrEqualTo(Duration.ofHours(25));
    assertThat(connector.poll().complete()).isTrue();
    assertThat(awaitEvents("UCstorm", 4))
        .extracting(e -> e.get("text").asString())
        .contains("after quota");
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    YOUTUBE.addComment("UCbroken", "v", "published", "good comment", "UCa", "A", T0);
    YOUTUBE.corruptThread(
        YOUTUBE.addComment(
            "UCbroken", "v", "heldForReview", "broken comment", "UCb", "B", T0.plusSeconds(1)));
    YOUTUBE.failNext(new YouTubeFault.MalformedJson());
    YouTubeChannelConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("UCbroken", 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("good comment");
    String metrics = get("/prometheus").body();
    // Twice the broken thread (two passes) and once the broken answer.
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"youtube:broken\"[^}]*} 3\\.0");
    assertThat(metrics).doesNotContain("broken comment");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("youtube:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(3);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(api.toString()).contains("youtube:untokened");
  }

  private static Duration gap(List<FakeYouTube.RecordedRequest> requests, int i) {
    return Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.YOUTUBE, account, count);
  }
}
