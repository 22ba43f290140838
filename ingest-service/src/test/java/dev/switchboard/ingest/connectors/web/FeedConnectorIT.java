package dev.switchboard.ingest.connectors.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FakeFeedServer;
import dev.switchboard.fakes.FeedFault;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.FeedConnectors;
import dev.switchboard.ingest.connectors.feeds.FeedConnector;
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
 * The RSS/Atom connector end to end: the fake feed server, the real Kafka broker of embedded-infra
 * for events and cursors. Each test has its own feed, so what it reads is its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeFeedServer FEEDS = FakeFeedServer.start();
  private static final String NEWS =
      FEEDS.addFeed("/news.xml", FakeFeedServer.Format.RSS).toString();
  private static final String FORUM =
      FEEDS.addFeed("/forum.atom", FakeFeedServer.Format.ATOM).toString();
  private static final String RESTART =

      // A query string travels with the path.
      FEEDS.addFeed("/restart.xml", FakeFeedServer.Format.RSS) + "?page=1";
  private static final String STORM =
      FEEDS.addFeed("/storm.xml", FakeFeedServer.Format.RSS).toString();
  private static final String BROKEN =
      FEEDS.addFeed("/broken.atom", FakeFeedServer.Format.ATOM).toString();

  @Inject EmbeddedServer server;
  @Inject FeedConnectors connectors;
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
    p.put("switchboard.connectors.youtube.polling-enabled", "false");
    p.put("switchboard.connectors.rss.polling-enabled", "false");
    p.put("switchboard.connectors.rss.chunk-size", "2");
    p.put("switchboard.connectors.rss.initial-backoff", "200ms");
    p.put("switchboard.connectors.rss.max-backoff", "2s");
    p.put("switchboard.connectors.rss.max-retry-after", "5s");
    p.put("switchboard.connectors.rss.read-timeout", "1s");
    p.put("switchboard.connectors.feeds.news.url", NEWS);
    p.put("switchboard.connectors.feeds.forum.url", FORUM);
    p.put("switchboard.connectors.feeds.restart.url", RESTART);
    p.put("switchboard.connectors.feeds.storm.url", STORM);
    p.put("switchboard.connectors.feeds.broken.url", BROKEN);
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    FEEDS.close();
  }

  @Test
  void rssAndAtomItemsArriveAsArticlesAndAChangedEntryAsEdited() {
    FEEDS.addItem(
        "/news.xml",
        "n-1",
        "https://news.example/1",
        "Car park fees",
        "<p>Up <b>again</b></p>",
        T0);
    FEEDS.addItem(
        "/forum.atom", "tag:forum:1", "https://forum.example/t/1", "Ward 7", "Kind staff", T0);

    assertThat(connectors.create("news").poll().complete()).isTrue();
    assertThat(connectors.create("forum").poll().complete()).isTrue();

    JsonNode article = awaitEvents("news", 1).get(0);
    assertThat(article.get("channel").asString()).isEqualTo("RSS");
    assertThat(article.get("itemType").asString()).isEqualTo("ARTICLE");
    assertThat(article.get("kind").asString()).isEqualTo("CREATED");
    assertThat(article.get("text").asString()).isEqualTo("Car park fees\n\nUp again");
    assertThat(article.get("url").asString()).isEqualTo("https://news.example/1");
    assertThat(article.get("itemId").asString()).isEqualTo(Ids.itemId(Channel.RSS, "news", "n-1"));
    assertThat(article.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(awaitEvents("forum", 1).get(0).get("platformId").asString())
        .isEqualTo("tag:forum:1");

    // Nothing changed: a 304, nothing published.
    int before = FEEDS.requests().size();
    assertThat(connectors.create("news").poll().events()).isZero();
    assertThat(FEEDS.requests().get(before).status()).isEqualTo(304);

    FEEDS.editItem("/forum.atom", "tag:forum:1", "Ward 7", "Very kind staff", T0.plusSeconds(60));
    assertThat(connectors.create("forum").poll().events()).isEqualTo(1);
    JsonNode edit = awaitEvents("forum", 2).get(1);
    assertThat(edit.get("kind").asString()).isEqualTo("EDITED");
    assertThat(edit.get("text").asString()).isEqualTo("Ward 7\n\nVery kind staff");
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      FEEDS.addItem(
          "/restart.xml",
          "r-" + i,
          "https://news.example/r" + i,
          "t" + i,
          "b" + i,
          T0.plusSeconds(i));
      expected.add(Ids.itemId(Channel.RSS, "restart", "r-" + i));
    }

    FeedConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    FeedConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("restart", 7);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(7);
    assertThat(FEEDS.requests())
        .filteredOn(r -> r.path().equals("/restart.xml"))
        .allSatisfy(r -> assertThat(r.status()).isIn(200, 304));
  }

  @Test
  void aRateLimitAndErrorStormSlowsTheConnectorDownWithoutLosingAnything() {
    FEEDS.addItem("/storm.xml", "s-1", "https://news.example/s1", "storm", "b", T0);
    int before = FEEDS.requests().size();
    FEEDS.failNext(new FeedFault.TooManyRequests(1));
    FEEDS.failNext(new FeedFault.ServerError(503));
    FEEDS.failNext(new FeedFault.Slow(Duration.ofSeconds(2)));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    List<FakeFeedServer.RecordedRequest> storm =
        FEEDS.requests().subList(before, FEEDS.requests().size()).stream()
            .filter(r -> r.path().equals("/storm.xml"))
            .toList();
    assertThat(storm.get(0).status()).isEqualTo(429);
    assertThat(storm.get(1).status()).isEqualTo(503);
    assertThat(Duration.ofNanos(storm.get(1).nanoTime() - storm.get(0).nanoTime()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(awaitEvents("storm", 1).get(0).get("platformId").asString()).isEqualTo("s-1");
  }

  @Test
  void malformedFeedsAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    FEEDS.addItem("/broken.atom", "b-1", "https://forum.example/b1", "fine", "b", T0);
    FEEDS.failNext(new FeedFault.MalformedXml());
    FeedConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents("broken", 1).get(0).get("platformId").asString()).isEqualTo("b-1");
    String metrics = get("/prometheus").body();
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"rss:broken\"[^}]*} 1\\.0");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("rss:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(1);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.RSS, account, count);
  }
}
