package dev.switchboard.ingest.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.facebook.GraphClient;
import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.fakes.FakeFacebookGraph;
import dev.switchboard.fakes.GraphFault;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's paging and cursor rules against the fake Graph, with in-memory Kafka stand-ins.
 */
class FacebookPageConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private final FakeFacebookGraph graph = FakeFacebookGraph.start().addPage("111", "tok");
  private final PlatformHttp http =
      PlatformHttp.create(
          url(),
          new GraphRules(),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)));
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final AtomicInteger malformed = new AtomicInteger();

  private final CursorStore store =
      new CursorStore() {
        @Override
        public Optional<String> read(String id) {
          return Optional.ofNullable(cursors.get(id));
        }

        @Override
        public CompletableFuture<?> write(String id, String cursor) {
          cursors.put(id, cursor);
          return CompletableFuture.completedFuture(null);
        }
      };

  private final ConnectorListener listener =
      new ConnectorListener() {
        @Override
        public void malformed(String connectorId, int count) {
          malformed.addAndGet(count);
        }
      };

  private java.net.URL url() {
    try {
      return graph.baseUrl().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private FacebookPageConnector connector() {
    return new FacebookPageConnector(
        "trust",
        "111",
        "tok",
        new GraphClient(http, "v21.0"),
        e -> {
          published.add(e);
          return CompletableFuture.completedFuture(null);
        },
        store,
        listener,
        new FacebookPageConnector.Settings(2, Duration.ofSeconds(60), Duration.ofSeconds(5), null),
        Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    graph.close();
  }

  @Test
  void aRestartAfterTwoPagesResumesWithNothingLostOrDoubled() {
    for (int i = 0; i < 7; i++) {
      String post = graph.addPost("111", "post " + i, "u", "U", T0.plusSeconds(60L * i));
      graph.addComment(post, null, "comment on " + i, "c", "C", T0.plusSeconds(60L * i + 5));
    }

    FacebookPageConnector first = connector();
    assertThat(first.poll(2).complete()).isFalse();
    assertThat(published).hasSize(8);
    FacebookPageConnector second = connector();
    assertThat(second.cursor().postsAfter()).isNotNull();
    assertThat(second.poll().complete()).isTrue();

    assertThat(published).hasSize(14);
    assertThat(published.stream().map(ChannelEvent::eventId).distinct()).hasSize(14);

    // A further poll sees nothing new, then only what is new.
    second.poll();
    assertThat(published).hasSize(14);
    graph.addPost("111", "late", "u", "U", T0.plusSeconds(3600));
    connector().poll();
    assertThat(published).hasSize(15);
    assertThat(published.get(14).text()).isEqualTo("late");
  }

  @Test
  void aMalformedAnswerStopsThePassWithoutMovingTheCursorAndTheNextPassRecovers() {
    for (int i = 0; i < 3; i++) {
      graph.addPost("111", "post " + i, "u", "U", T0.plusSeconds(60L * i));
    }
    graph.failNextMatching("/feed", new GraphFault.MalformedJson());

    FacebookPageConnector connector = connector();
    assertThat(connector.poll().complete()).isFalse();
    assertThat(published).isEmpty();
    assertThat(malformed.get()).isEqualTo(1);

    assertThat(connector.poll().complete()).isTrue();
    assertThat(published).hasSize(3);
  }

  @Test
  void aBrokenItemIsSkippedAndReportedAndTheRestArrive() {
    graph.addPost("111", "good", "u", "U", T0);
    graph.corruptPost(graph.addPost("111", "bad", "u", "U", T0.plusSeconds(1)));

    assertThat(connector().poll().complete()).isTrue();

    assertThat(published).extracting(ChannelEvent::text).containsExactly("good");
    assertThat(malformed.get()).isEqualTo(1);
  }

  @Test
  void aLongRateLimitDelaysTheNextPollInsteadOfBlocking() {
    graph.addPost("111", "p", "u", "U", T0);
    graph.failNext(new GraphFault.GraphRateLimit(32, 10));

    FacebookPageConnector.PollOutcome outcome = connector().poll();

    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.nextPollIn()).isEqualTo(Duration.ofMinutes(10));
    assertThat(graph.requests()).hasSize(1);
  }

  @Test
  void messengerMessagesArriveOnceAcrossPolls() {
    graph.addMessage("111", "t_1", "hello", "u1", "Sam", T0);
    FacebookPageConnector connector = connector();
    connector.poll();
    graph.addMessage("111", "t_1", "still there?", "u1", "Sam", T0.plusSeconds(120));
    connector.poll();

    assertThat(published).extracting(ChannelEvent::text).containsExactly("hello", "still there?");
  }
}
