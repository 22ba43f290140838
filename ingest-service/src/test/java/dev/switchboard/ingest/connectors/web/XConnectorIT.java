package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FakeX;
import dev.switchboard.fakes.XFault;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.XConnectors;
import dev.switchboard.ingest.connectors.x.XAccountConnector;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
 * The X connector end to end: the fake X API for the platform, the real Kafka broker of
 * embedded-infra for events and cursors. Each test has its own account, so what it reads from the
 * topic is its own.
 */
@MicronautTest(environments = XTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeX X =
      FakeX.start(Clock.systemUTC(), "app-token")
          .addAccount("1001", "nhs_trust", "user-trust", true)
          .addAccount("1002", "nhs_storm", "user-storm", false)
          .addAccount("1003", "nhs_broken", "user-broken", false)
          .addAccount("1004", "nhs_restart", "user-restart", true)
          .addAccount("1005", "nhs_nodm", "user-nodm", false)
          .addUser("2001", "pat", "Pat Patient")
          .addUser("2002", "sam", "Sam Visitor");

  @Inject EmbeddedServer server;
  @Inject XConnectors connectors;
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
    String prefix = "switchboard.connectors.x.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "api-url", X.baseUrl().toString());
    p.put(prefix + "page-size", "5");
    p.put(prefix + "dm-page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "accounts.trust.user-id", "1001");
    p.put(prefix + "accounts.trust.direct-messages", "true");
    p.put(prefix + "accounts.storm.user-id", "1002");
    p.put(prefix + "accounts.broken.user-id", "1003");
    p.put(prefix + "accounts.restart.user-id", "1004");
    p.put(prefix + "accounts.restart.direct-messages", "true");
    p.put(prefix + "accounts.nodm.user-id", "1005");
    p.put(prefix + "accounts.nodm.direct-messages", "true");
    // An account without a token: listed, not polled.
    p.put(prefix + "accounts.untokened.user-id", "1099");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    X.close();
  }

  @Test
  void mentionsRepliesEditsAndDirectMessagesArriveAsChannelEvents() {
    String root =
        X.mention("1001", "2001", "@nhs_trust Waited 4 hours in A&amp;E \u0065\u0301", T0);
    String reply = X.reply("1001", "2002", root, "@pat @nhs_trust same here", T0.plusSeconds(30));
    String dm = X.directMessage("1001", "2001", "My appointment letter is wrong", T0);

    assertThat(connectors.create("trust").poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("1001", 3);
    JsonNode mention = byPlatformId(events, root);
    assertThat(mention.get("channel").asString()).isEqualTo("X");
    assertThat(mention.get("kind").asString()).isEqualTo("CREATED");
    assertThat(mention.get("itemType").asString()).isEqualTo("MENTION");
    // Entities decoded, Unicode NFC.
    assertThat(mention.get("text").asString()).isEqualTo("@nhs_trust Waited 4 hours in A&E \u00e9");
    assertThat(mention.get("threadRootId").asString()).isEqualTo(root);
    assertThat(mention.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(mention.get("source").asString()).isEqualTo("POLL");
    assertThat(mention.get("url").asString()).isEqualTo("https://x.com/pat/status/" + root);
    assertThat(mention.get("itemId").asString()).isEqualTo(Ids.itemId(Channel.X, "1001", root));
    assertThat(mention.at("/author/platformId").asString()).isEqualTo("2001");
    assertThat(mention.at("/author/handle").asString()).isEqualTo("pat");
    assertThat(mention.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(mention.get("raw").asString()).contains("\"edit_history_tweet_ids\"");
    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(root);
    assertThat(replyEvent.get("conversationKey").asString())
        .isEqualTo(mention.get("conversationKey").asString());
    JsonNode message = byPlatformId(events, dm);
    assertThat(message.get("itemType").asString()).isEqualTo("PRIVATE_MESSAGE");
    assertThat(message.get("visibility").asString()).isEqualTo("PRIVATE");
    assertThat(message.get("threadRootId").asString()).isEqualTo("1001-2001");

    X.edit(root, "@nhs_trust Waited 5 hours in A&E", T0.plusSeconds(600));
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    JsonNode edit = awaitEvents("1001", 4).get(3);
    assertThat(edit.get("kind").asString()).isEqualTo("EDITED");
    assertThat(edit.get("itemId").asString()).isEqualTo(mention.get("itemId").asString());
    assertThat(edit.get("revision").asInt()).isEqualTo(1);
    assertThat(edit.get("text").asString()).isEqualTo("@nhs_trust Waited 5 hours in A&E");
  }

  @Test
  void aRestartMidPassLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      String id = X.mention("1004", "2001", "@nhs_restart mention " + i, T0.plusSeconds(i));
      expected.add(Ids.itemId(Channel.X, "1004", id));
    }
    for (int i = 0; i < 3; i++) {
      String id = X.directMessage("1004", "2002", "message " + i, T0.plusSeconds(i));
      expected.add(Ids.itemId(Channel.X, "1004", id));
    }

    // The first instance stops after one of three mention pages...
    XAccountConnector first = connectors.create("restart");
    assertThat(first.poll(1).complete()).isFalse();
    // ...a second reads the cursor back from Kafka, and stops in the middle of the DMs...
    XAccountConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll(3).complete()).isFalse();
    // ...a third finishes the pass, and a fourth finds nothing new.
    XAccountConnector third = connectors.create("restart");
    assertThat(third.cursor()).isEqualTo(second.cursor());
    assertThat(third.poll().complete()).isTrue();
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("1004", 15);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(15);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 7; i++) {
      X.mention("1002", "2001", "@nhs_storm storm " + i, T0.plusSeconds(i));
    }
    int before = X.requests().size();
    X.failNext(new XFault.TooManyRequests(1));
    X.failNext(new XFault.ServerError(503));
    X.failNext(new XFault.TooManyRequests(2));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    List<FakeX.RecordedRequest> storm = X.requests().subList(before, X.requests().size());
    assertThat(storm)
        .extracting(FakeX.RecordedRequest::status)
        .containsExactly(429, 503, 429, 200, 200);
    // x-rate-limit-reset is whole epoch seconds: a 1 s reset is at least a few hundred ms away.
    assertThat(gap(storm, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(storm, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(gap(storm, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(awaitEvents("1002", 7))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder(
            "@nhs_storm storm 0",
            "@nhs_storm storm 1",
            "@nhs_storm storm 2",
            "@nhs_storm storm 3",
            "@nhs_storm storm 4",
            "@nhs_storm storm 5",
            "@nhs_storm storm 6");
  }

  @Test
  void malformedAnswersAndPartialErrorsAreReportedAndSkippedWithoutStoppingTheConnector()
      throws Exception {
    X.addUser("2999", "gone", "Gone User");
    X.mention("1003", "2001", "@nhs_broken good mention", T0);
    X.corrupt(X.mention("1003", "2001", "@nhs_broken broken mention", T0.plusSeconds(1)));
    X.mention("1003", "2999", "@nhs_broken from a suspended user", T0.plusSeconds(2));
    X.suspend("2999");
    X.failNext(new XFault.MalformedJson());
    XAccountConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("1003", 2))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("@nhs_broken good mention", "@nhs_broken from a suspended user");
    String metrics = get("/prometheus").body();
    // The broken answer, the broken post and the partial error.
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"x:broken\"[^}]*} 3\\.0");
    assertThat(metrics).doesNotContain("broken mention");
    JsonNode broken = connector(JSON.readTree(get("/api/connectors").body()), "x:broken");
    assertThat(broken.get("malformed").asLong()).isEqualTo(3);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(2);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(get("/api/connectors").body()).contains("x:untokened");
  }

  @Test
  void directMessagesRefusedToTheTokenAreTurnedOffWithAClearHealthError() throws Exception {
    X.mention("1005", "2001", "@nhs_nodm hello", T0);
    XAccountConnector connector = connectors.create("nodm");

    assertThat(connector.poll().complete()).isTrue();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("1005", 1)).hasSize(1);
    // One refused request, not a retry loop.
    assertThat(
            X.requests().stream()
                .filter(r -> r.path().equals("/2/dm_events") && r.status() == 403)
                .count())
        .isEqualTo(1);
    JsonNode nodm = connector(JSON.readTree(get("/api/connectors").body()), "x:nodm");
    assertThat(nodm.get("lastError").asString()).isEqualTo(XAccountConnector.DM_FORBIDDEN);
    assertThat(nodm.get("lastSuccess").isNull()).isFalse();
    // X's x-rate-limit headers give the headroom.
    assertThat(nodm.get("rateLimitHeadroomPercent").asDouble()).isBetween(0.0, 100.0);
    assertThat(nodm.get("rateLimitHeadroomPercent").isNull()).isFalse();
  }

  private static JsonNode connector(JsonNode api, String id) {
    for (JsonNode c : api) {
      if (c.get("id").asString().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no connector " + id + " in " + api);
  }

  private static Duration gap(List<FakeX.RecordedRequest> requests, int i) {
    return Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.X, account, count);
  }
}
