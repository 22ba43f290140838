package dev.switchboard.ingest.connectors.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.feeds.FeedClient;
import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.fakes.FakeFeedServer;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import java.net.MalformedURLException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed connector's cursor rules against the fake feed server, Kafka in memory. */
class FeedConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private final FakeFeedServer server = FakeFeedServer.start();
  private final PlatformHttp http = http();
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final List<String> failures = new ArrayList<>();
  private EventSink sink =
      event -> {
        published.add(event);
        return CompletableFuture.completedFuture(null);
      };

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
        public void failed(String connectorId, String kind) {
          failures.add(kind);
        }
      };

  private PlatformHttp http() {
    try {
      return PlatformHttp.create(
          server.baseUrl().toURL(),
          new HttpRules("rss"),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private FeedConnector connector() {
    return new FeedConnector(
        "news",
        "/news.xml",
        new FeedClient(http),
        event -> sink.publish(event),
        store,
        listener,
        new FeedConnector.Settings(2, Duration.ofMinutes(10), Duration.ofSeconds(5)),
        Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
  }

  @Test
  void withoutKafkasAcknowledgementNothingIsRecordedAsSeen() {
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.addItem("/news.xml", "a", "https://n/a", "A", "a", T0);
    sink = event -> CompletableFuture.failedFuture(new IllegalStateException("broker down"));

    assertThat(connector().poll().complete()).isFalse();
    assertThat(cursors).isEmpty();
    assertThat(failures).containsExactly("KAFKA");

    sink =
        event -> {
          published.add(event);
          return CompletableFuture.completedFuture(null);
        };
    assertThat(connector().poll().complete()).isTrue();
    assertThat(connector().poll().events()).isZero();
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly("a");
  }

  @Test
  void anUnchangedFeedIsAskedConditionallyAndAChangedOneOnlyGivesItsChanges() {
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.addItem("/news.xml", "a", "https://n/a", "A", "a", T0);
    server.addItem("/news.xml", "b", "https://n/b", "B", "b", T0.plusSeconds(1));
    connector().poll();
    published.clear();

    assertThat(connector().poll().complete()).isTrue();
    assertThat(server.requests().get(1).status()).isEqualTo(304);

    server.editItem("/news.xml", "a", "A", "a, corrected", T0.plusSeconds(60));
    server.addItem("/news.xml", "c", "https://n/c", "C", "c", T0.plusSeconds(61));
    connector().poll();
    assertThat(published)
        .extracting(e -> e.platformId() + ":" + e.kind())
        .containsExactlyInAnyOrder("a:EDITED", "c:CREATED");
  }
}
