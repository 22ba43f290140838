package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.CareOpinionFault;
import dev.switchboard.fakes.FakeCareOpinion;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.Connector.PollOutcome;
import dev.switchboard.ingest.connectors.careopinion.CareOpinionConnector;
import dev.switchboard.ingest.connectors.config.CareOpinionConnectors;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The Care Opinion connector end to end: the fake Care Opinion API (enforcing the documented 5
 * requests per second) for the platform, the real Kafka broker of embedded-infra for events and
 * cursors. Each test has its own service (ODS code), so what it reads from the topic is its own.
 */
@MicronautTest(environments = CareOpinionTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareOpinionConnectorIT implements TestPropertyProvider {

  // Inside the default 30-day re-read window of the service's real clock.
  private static final Instant T0 =
      Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeCareOpinion CARE_OPINION =
      FakeCareOpinion.start().withKey(CareOpinionTestBeans.KEY).enforceRateLimit(5);

  @Inject EmbeddedServer server;
  @Inject CareOpinionConnectors connectors;
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
    String prefix = "switchboard.connectors.care-opinion.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "api-url", CARE_OPINION.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "services.trust.ods-code", "RX1");
    p.put(prefix + "services.storm.ods-code", "RST");
    p.put(prefix + "services.broken.ods-code", "RBR");
    // Two codes: the trust and one of its sites; the first is the events' account.
    p.put(prefix + "services.restart.ods-code", "rrs,RRS01");
    p.put(prefix + "services.refused.ods-code", "RRF");
    // A service without a key: listed, not polled.
    p.put(prefix + "services.keyless.ods-code", "RKL");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    CARE_OPINION.close();
  }

  @Test
  void storiesResponsesEditsAndWithdrawalsArriveAsChannelEvents() {
    String story =
        CARE_OPINION.addStory(
            "RX1",
            "Waited *4 hours* in A&E",
            "The **staff** were kind but see [our letter](https://example.org/l).",
            "relative",
            "mildly critical",
            T0);
    String response =
        CARE_OPINION.addResponse(
            story,
            "Dear relative,\n\n> thank you\n\nWe are _sorry_.",
            "Jo Bloggs",
            "Matron",
            "The Trust",
            T0.plusSeconds(3600));

    assertThat(connectors.create("trust").poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("RX1", 2);
    JsonNode created = byPlatformId(events, story);
    assertThat(created.get("channel").asString()).isEqualTo("CARE_OPINION");
    assertThat(created.get("kind").asString()).isEqualTo("CREATED");
    assertThat(created.get("itemType").asString()).isEqualTo("STORY");
    assertThat(created.get("text").asString())
        .isEqualTo("Waited 4 hours in A&E\n\nThe staff were kind but see our letter.");
    assertThat(created.get("threadRootId").asString()).isEqualTo(story);
    assertThat(created.get("parentId")).isNull();
    assertThat(created.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(created.get("source").asString()).isEqualTo("POLL");
    assertThat(created.at("/author/name").asString()).isEqualTo("relative");
    assertThat(created.get("url").asString())
        .isEqualTo("https://www.careopinion.org.uk/opinions/" + story);
    assertThat(created.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.CARE_OPINION, "RX1", story));
    assertThat(Instant.parse(created.get("createdAt").asString())).isEqualTo(T0);
    assertThat(created.get("raw").asString())
        .contains("\"criticality\":\"mildly critical\"")
        .contains("**staff**");
    JsonNode reply = byPlatformId(events, response);
    assertThat(reply.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(reply.get("parentId").asString()).isEqualTo(story);
    assertThat(reply.get("threadRootId").asString()).isEqualTo(story);
    assertThat(reply.get("conversationKey").asString())
        .isEqualTo(created.get("conversationKey").asString());
    assertThat(reply.get("text").asString())
        .isEqualTo("Dear relative,\n\nthank you\n\nWe are sorry.");
    assertThat(reply.at("/author/name").asString()).isEqualTo("Jo Bloggs");

    // The story is edited, moves on, and gets a second response; a pass with no change adds none.
    CARE_OPINION.editStory(story, "Waited 5 hours in A&E", "The staff were kind.");
    CARE_OPINION.setProgress(story, "response from provider");
    String second =
        CARE_OPINION.addResponse(
            story, "Please call us.", "Jo Bloggs", "Matron", "The Trust", T0.plusSeconds(7200));
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    assertThat(connectors.create("trust").poll().events()).isZero();
    events = awaitEvents("RX1", 4);
    JsonNode edit =
        events.stream()
            .filter(e -> e.get("kind").asString().equals("EDITED"))
            .findFirst()
            .orElseThrow();
    assertThat(edit.get("itemId").asString()).isEqualTo(created.get("itemId").asString());
    assertThat(edit.get("text").asString())
        .isEqualTo("Waited 5 hours in A&E\n\nThe staff were kind.");
    assertThat(edit.get("raw").asString()).contains("response from provider");
    assertThat(byPlatformId(events, second).get("kind").asString()).isEqualTo("CREATED");

    // Withdrawn: the story and both responses are DELETED, without text.
    CARE_OPINION.withdraw(story);
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    events = awaitEvents("RX1", 7);
    List<JsonNode> deleted =
        events.stream().filter(e -> e.get("kind").asString().equals("DELETED")).toList();
    assertThat(deleted)
        .extracting(e -> e.get("platformId").asString())
        .containsExactlyInAnyOrder(story, response, second);
    assertThat(deleted).allSatisfy(e -> assertThat(e.get("text")).isNull());
    assertThat(connectors.create("trust").cursor().known()).isEmpty();
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      String story =
          CARE_OPINION.addStory(
              i % 2 == 0 ? "RRS" : "RRS01",
              "story " + i,
              "body " + i,
              "patient",
              "not critical",
              T0.plusSeconds(60L * i));
      String response =
          CARE_OPINION.addResponse(
              story, "reply " + i, "Staff", "Nurse", "Trust", T0.plusSeconds(60L * i + 5));
      expected.add(Ids.itemId(Channel.CARE_OPINION, "RRS", story));
      expected.add(Ids.itemId(Channel.CARE_OPINION, "RRS", response));
    }

    // The first instance stops after two of four pages...
    CareOpinionConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    assertThat(first.cursor().pass()).isNotNull();
    // ...a new one reads the cursor back from Kafka and carries on.
    CareOpinionConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    // And a third, after the pass, re-reads the window and finds nothing new.
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("RRS", 14);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(14);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 3; i++) {
      CARE_OPINION.addStory(
          "RST", "storm " + i, "text", "patient", "not critical", T0.plusSeconds(i));
    }
    int before = CARE_OPINION.requests().size();
    CARE_OPINION.failNext(new CareOpinionFault.TooManyRequests(1));
    CARE_OPINION.failNext(new CareOpinionFault.ServerError(503));
    CARE_OPINION.failNext(new CareOpinionFault.TooManyRequests(1));

    CareOpinionConnector connector = connectors.create("storm");
    assertThat(connector.poll().complete()).isTrue();

    List<FakeCareOpinion.RecordedRequest> storm =
        CARE_OPINION.requests().subList(before, CARE_OPINION.requests().size());
    assertThat(storm.subList(0, 4))
        .extracting(FakeCareOpinion.RecordedRequest::status)
        .containsExactly(429, 503, 429, 200);
    // Retry-After: 1 s honoured, and backoff from 200 ms with ±50% jitter.
    assertThat(gap(storm, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gap(storm, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(storm, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    // Two pages and three response lists: every one answered, none refused by the 5/s limit.
    assertThat(storm.subList(4, storm.size()))
        .extracting(FakeCareOpinion.RecordedRequest::status)
        .containsOnly(200)
        .hasSize(4);
    assertThat(awaitEvents("RST", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0\n\ntext", "storm 1\n\ntext", "storm 2\n\ntext");

    // A longer storm than the attempts: the pass ends, the next waits, then catches up.
    CARE_OPINION.addStory(
        "RST", "after", "the storm", "patient", "not critical", T0.plusSeconds(60));
    for (int i = 0; i < 5; i++) {
      CARE_OPINION.failNext(new CareOpinionFault.TooManyRequests(1));
    }
    PollOutcome slowed = connector.poll();
    assertThat(slowed.complete()).isFalse();
    assertThat(slowed.events()).isZero();
    assertThat(connector.poll().complete()).isTrue();
    assertThat(awaitEvents("RST", 4))
        .extracting(e -> e.get("text").asString())
        .contains("after\n\nthe storm");
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    CARE_OPINION.addStory("RBR", "good story", "fine", "patient", "not critical", T0);
    CARE_OPINION.corruptStory(
        CARE_OPINION.addStory(
            "RBR", "broken story", "secret words", "patient", "not critical", T0.plusSeconds(1)));
    CARE_OPINION.failNext(new CareOpinionFault.MalformedJson());
    CareOpinionConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("RBR", 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("good story\n\nfine");
    String metrics = get("/prometheus").body();
    // Once the broken answer, once the broken story.
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"care-opinion:broken\"[^}]*} 2\\.0");
    assertThat(metrics).doesNotContain("secret words").doesNotContain("broken story");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = connector(api, "care-opinion:broken");
    assertThat(broken.get("malformed").asLong()).isEqualTo(2);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(api.toString()).contains("care-opinion:keyless");
  }

  @Test
  void aRefusedKeyIsReportedOnceAndNotRetried() throws Exception {
    int before = CARE_OPINION.requests().size();
    PollOutcome refused = connectors.create("refused").poll();
    assertThat(refused.complete()).isFalse();
    assertThat(CARE_OPINION.requests().subList(before, CARE_OPINION.requests().size()))
        .extracting(FakeCareOpinion.RecordedRequest::status)
        .containsExactly(302);
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    assertThat(api.toString()).doesNotContain("not-the-key");
  }

  private static JsonNode connector(JsonNode api, String id) {
    for (JsonNode c : api) {
      if (c.get("id").asString().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no connector " + id + " in " + api);
  }

  private static Duration gap(List<FakeCareOpinion.RecordedRequest> requests, int i) {
    return Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.CARE_OPINION, account, count);
  }
}
