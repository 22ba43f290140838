package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.BloggerFault;
import dev.switchboard.fakes.FakeBlogger;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.blogger.BloggerBlogConnector;
import dev.switchboard.ingest.connectors.config.BloggerConnectors;
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
 * The Blogger connector end to end: the fake Blogger API, the real Kafka broker of embedded-infra
 * for events and cursors, the service's HTTP endpoints. Each test has its own blog.
 */
@MicronautTest(environments = BloggerTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BloggerConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeBlogger BLOGGER =
      FakeBlogger.start()
          .addBlog("9001", BloggerTestBeans.TOKEN, "k")
          .addBlog("9002", BloggerTestBeans.TOKEN, "k")
          .addBlog("9003", BloggerTestBeans.TOKEN, "k")
          .addBlog("9004", BloggerTestBeans.TOKEN, "k");

  @Inject EmbeddedServer server;
  @Inject BloggerConnectors connectors;
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
    String prefix = "switchboard.connectors.blogger.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "api-url", BLOGGER.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "blogs.trust.blog-id", "9001");
    p.put(prefix + "blogs.storm.blog-id", "9002");
    p.put(prefix + "blogs.broken.blog-id", "9003");
    p.put(prefix + "blogs.restart.blog-id", "9004");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    BLOGGER.close();
  }

  @Test
  void commentsOfEveryStatusAndRemovalsArriveAsChannelEvents() {
    String top =
        BLOGGER.addComment("9001", "p7", null, "Pat", "Parking at <b>St Elsewhere</b>", T0, "live");
    String reply =
        BLOGGER.addComment(
            "9001", "p7", top, "Sam", "Same &amp; worse", T0.plusSeconds(30), "pending");
    String spam =
        BLOGGER.addComment("9001", "p8", null, "Bot", "pills", T0.plusSeconds(60), "spam");

    assertThat(connectors.create("trust").poll().complete()).isTrue();
    List<JsonNode> events = awaitEvents("9001", 3);

    JsonNode first = byPlatformId(events, top);
    assertThat(first.get("channel").asString()).isEqualTo("BLOGGER");
    assertThat(first.get("kind").asString()).isEqualTo("CREATED");
    assertThat(first.get("itemType").asString()).isEqualTo("COMMENT");
    assertThat(first.get("text").asString()).isEqualTo("Parking at St Elsewhere");
    assertThat(first.get("threadRootId").asString()).isEqualTo("p7");
    assertThat(first.get("itemId").asString()).isEqualTo(Ids.itemId(Channel.BLOGGER, "9001", top));
    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(top);
    assertThat(replyEvent.get("text").asString()).isEqualTo("Same & worse");
    assertThat(byPlatformId(events, spam).get("raw").asString()).contains("\"status\":\"spam\"");

    BLOGGER.removeContent("9001", spam, T0.plusSeconds(90));
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    JsonNode removed = awaitEvents("9001", 4).get(3);
    assertThat(removed.get("kind").asString()).isEqualTo("DELETED");
    assertThat(removed.get("platformId").asString()).isEqualTo(spam);
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      String id =
          BLOGGER.addComment(
              "9004",
              "p1",
              null,
              "V",
              "comment " + i,
              T0.plusSeconds(60L * i),
              i % 2 == 0 ? "live" : "pending");
      expected.add(Ids.itemId(Channel.BLOGGER, "9004", id));
    }

    BloggerBlogConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    BloggerBlogConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents("9004", 7);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(7);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() {
    for (int i = 0; i < 3; i++) {
      BLOGGER.addComment("9002", "p1", null, "V", "storm " + i, T0.plusSeconds(i), "live");
    }
    BLOGGER.failNext("9002", 1, new BloggerFault.RateLimitExceeded("rateLimitExceeded"));
    BLOGGER.failNext("9002", 1, new BloggerFault.RateLimitExceeded("userRateLimitExceeded"));
    BLOGGER.failNext("9002", 2, new BloggerFault.TooManyRequests(1));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    assertThat(awaitEvents("9002", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");
    List<FakeBlogger.RecordedRequest> requests = BLOGGER.requests("9002");
    assertThat(requests.subList(0, 5))
        .extracting(FakeBlogger.RecordedRequest::status)
        .containsExactly(403, 403, 429, 429, 200);
    // Backoff from 200 ms (±50 %) after the 403s; each 429 asked for one second and got it.
    assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    for (int i = 3; i < 5; i++) {
      assertThat(Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    String good = BLOGGER.addComment("9003", "p1", null, "V", "good comment", T0, "live");
    BLOGGER.corruptComment(
        "9003", BLOGGER.addComment("9003", "p1", null, "V", "broken comment", T0, "live"));
    BLOGGER.failNext("9003", 1, new BloggerFault.MalformedJson());
    BloggerBlogConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("9003", 1);
    assertThat(events.get(0).get("platformId").asString()).isEqualTo(good);
    String metrics = get("/prometheus").body();
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"blogger:broken\"[^}]*} 2\\.0");
    assertThat(metrics).doesNotContain("broken comment");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("blogger:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(2);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
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
    return topic.awaitEvents(Channel.BLOGGER, account, count);
  }
}
