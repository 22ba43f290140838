package dev.switchboard.ingest.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FakeWordPress;
import dev.switchboard.fakes.WordPressFault;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.WordPressConnectors;
import dev.switchboard.ingest.connectors.wordpress.WordPressBlogConnector;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
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
 * The WordPress connector end to end: the fake WordPress for the blogs, the real Kafka broker of
 * embedded-infra for events and cursors, the service's HTTP endpoints. Each test has its own blog
 * (and blog id), so what it reads from the topic is its own.
 */
@MicronautTest(environments = WordPressTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPressConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String USER = "comms-team";
  private static final FakeWordPress WP =
      FakeWordPress.start()
          .addBlog("trust", USER, WordPressTestBeans.PASSWORD)
          .addBlog("storm", USER, WordPressTestBeans.PASSWORD)
          .addBlog("broken", USER, WordPressTestBeans.PASSWORD)
          .addBlog("restart", USER, WordPressTestBeans.PASSWORD);

  @Inject EmbeddedServer server;
  @Inject WordPressConnectors connectors;
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
    String prefix = "switchboard.connectors.wordpress.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    for (String blog : List.of("trust", "storm", "broken", "restart")) {
      p.put(prefix + "blogs." + blog + ".base-url", WP.baseUrl(blog).toString());
      p.put(prefix + "blogs." + blog + ".blog-id", "it-" + blog);
      p.put(prefix + "blogs." + blog + ".user", USER);
    }
    // A blog without a password: listed, not polled.
    p.put(prefix + "blogs.nopass.base-url", WP.baseUrl("nopass").toString());
    p.put(prefix + "blogs.nopass.blog-id", "it-nopass");
    p.put(prefix + "blogs.nopass.user", USER);
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    WP.close();
  }

  @Test
  void commentsOfEveryStatusAndTheirEditsArriveAsChannelEvents() {
    long top =
        WP.addComment(
            "trust",
            7,
            0,
            "Pat",
            "https://pat.example",
            "<p>Parking at <b>St Elsewhere</b> is a disgrace</p>",
            T0,
            "approve");
    long reply =
        WP.addComment(
            "trust", 7, top, "Sam", "", "<p>Same &amp; worse</p>", T0.plusSeconds(30), "hold");
    long spam =
        WP.addComment("trust", 9, 0, "Bot", null, "cheap pills", T0.plusSeconds(60), "spam");

    assertThat(connectors.create("trust").poll().complete()).isTrue();
    List<JsonNode> events = awaitEvents("it-trust", 3);

    JsonNode first = byPlatformId(events, top);
    assertThat(first.get("channel").asString()).isEqualTo("WORDPRESS");
    assertThat(first.get("kind").asString()).isEqualTo("CREATED");
    assertThat(first.get("itemType").asString()).isEqualTo("COMMENT");
    assertThat(first.get("text").asString()).isEqualTo("Parking at St Elsewhere is a disgrace");
    assertThat(first.get("threadRootId").asString()).isEqualTo("7");
    assertThat(first.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(first.get("source").asString()).isEqualTo("POLL");
    assertThat(first.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.WORDPRESS, "it-trust", Long.toString(top)));
    assertThat(first.at("/author/name").asString()).isEqualTo("Pat");
    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(Long.toString(top));
    assertThat(replyEvent.get("text").asString()).isEqualTo("Same & worse");
    assertThat(replyEvent.get("conversationKey").asString())
        .isEqualTo(first.get("conversationKey").asString());
    JsonNode spamEvent = byPlatformId(events, spam);
    assertThat(spamEvent.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(spamEvent.get("raw").asString()).contains("\"status\":\"spam\"");

    // An edit seen by a later pass (a new instance, cursor from Kafka) is its own event.
    WP.editComment("trust", top, "<p>Parking is fine now, thanks</p>");
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    List<JsonNode> after = awaitEvents("it-trust", 4);
    JsonNode edit = after.get(3);
    assertThat(edit.get("kind").asString()).isEqualTo("EDITED");
    assertThat(edit.get("itemId").asString()).isEqualTo(first.get("itemId").asString());
    assertThat(edit.get("text").asString()).isEqualTo("Parking is fine now, thanks");
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      long id =
          WP.addComment(
              "restart",
              3,
              0,
              "V",
              null,
              "comment " + i,
              T0.plusSeconds(60L * i),
              i % 2 == 0 ? "approve" : "hold");
      expected.add(Ids.itemId(Channel.WORDPRESS, "it-restart", Long.toString(id)));
    }

    // The first instance stops after three requests (two approve pages, one hold page)...
    WordPressBlogConnector first = connectors.create("restart");
    assertThat(first.poll(3).complete()).isFalse();
    // ...a new one reads the cursor back from Kafka and carries on.
    WordPressBlogConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("it-restart", 7);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(7);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 3; i++) {
      WP.addComment("storm", 1, 0, "V", null, "storm " + i, T0.plusSeconds(i), "approve");
    }
    WP.failNext("storm", 3, new WordPressFault.TooManyRequests(1));
    WP.failNext("storm", 1, new WordPressFault.ServerError(503));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    assertThat(awaitEvents("it-storm", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");
    List<FakeWordPress.RecordedRequest> requests = WP.requests("storm");
    assertThat(requests.subList(0, 5))
        .extracting(FakeWordPress.RecordedRequest::status)
        .containsExactly(429, 429, 429, 503, 200);
    // Each 429 asked for one second, and got at least that.
    for (int i = 1; i < 4; i++) {
      assertThat(Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    long good = WP.addComment("broken", 1, 0, "V", null, "good comment", T0, "approve");
    WP.corruptComment(
        "broken", WP.addComment("broken", 1, 0, "V", null, "broken comment", T0, "approve"));
    WP.failNext("broken", 1, new WordPressFault.MalformedJson());
    WordPressBlogConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("it-broken", 1);
    assertThat(events.get(0).get("platformId").asString()).isEqualTo(Long.toString(good));
    String metrics = get("/prometheus").body();
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"wordpress:broken\"[^}]*} 2\\.0");
    assertThat(metrics).doesNotContain("broken comment");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("wordpress:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(2);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(broken.get("circuit").asString()).isEqualTo("CLOSED");
    assertThat(api.toString()).contains("wordpress:nopass");
  }

  private static JsonNode byPlatformId(List<JsonNode> events, long platformId) {
    return ChannelEventsReader.byPlatformId(events, Long.toString(platformId));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.WORDPRESS, account, count);
  }
}
