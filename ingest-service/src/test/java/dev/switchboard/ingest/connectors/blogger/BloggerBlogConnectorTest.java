package dev.switchboard.ingest.connectors.blogger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.blogger.BloggerClient;
import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.fakes.BloggerFault;
import dev.switchboard.fakes.FakeBlogger;
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

/** The Blogger connector's passes, removals and cursor against the fake, with in-memory Kafka. */
class BloggerBlogConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private final FakeBlogger blogger = FakeBlogger.start().addBlog("55", "tok", "key");
  private final PlatformHttp http = http();
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

  @AfterEach
  void stop() throws Exception {
    http.close();
    blogger.close();
  }

  @Test
  void commentsRepliesAndRemovedContentBecomeTheirEvents() {
    String top = blogger.addComment("55", "p1", null, "Pat", "<p>Lovely staff</p>", T0, "live");
    String reply =
        blogger.addComment("55", "p1", top, "Sam", "agreed", T0.plusSeconds(5), "pending");
    BloggerBlogConnector connector = connector();
    connector.poll();
    connector.poll();
    assertThat(published).hasSize(2);

    blogger.removeContent("55", reply, T0.plusSeconds(60));
    connector.poll();
    connector.poll();

    assertThat(published)
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.CREATED, EventKind.DELETED);
    assertThat(published.get(0).text()).isEqualTo("agreed");
    assertThat(published.get(0).itemType()).isEqualTo(ItemType.REPLY);
    assertThat(published.get(0).parentId()).isEqualTo(top);
    assertThat(published.get(1).text()).isEqualTo("Lovely staff");
    assertThat(published.get(1).parentId()).isEqualTo("p1");
    ChannelEvent deleted = published.get(2);
    assertThat(deleted.itemId()).isEqualTo(published.get(0).itemId());
    assertThat(deleted.text()).isNull();
    assertThat(deleted.raw()).contains("\"status\":\"emptied\"");
  }

  @Test
  void aRestartedConnectorResumesWithoutRepublishing() {
    for (int i = 0; i < 5; i++) {
      blogger.addComment("55", "p1", null, "U", "c" + i, T0.plusSeconds(i), "live");
    }
    BloggerBlogConnector first = connector();
    assertThat(first.poll(2).complete()).isFalse();
    assertThat(published).hasSize(4);

    BloggerBlogConnector second = connector();
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();

    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
    assertThat(published).hasSize(5);
  }

  @Test
  void aMalformedAnswerEndsThePassAndTheNextRecovers() {
    blogger.addComment("55", "p1", null, "U", "kept", T0, "live");
    blogger.corruptComment("55", blogger.addComment("55", "p1", null, "U", "bad", T0, "live"));
    blogger.failNext("55", 1, new BloggerFault.MalformedJson());
    BloggerBlogConnector connector = connector();

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(published).extracting(ChannelEvent::text).containsExactly("kept");
    assertThat(malformed).hasValue(2);
  }

  private BloggerBlogConnector connector() {
    return new BloggerBlogConnector(
        "news",
        "55",
        BloggerClient.withBearerToken(http, "tok"),
        event -> {
          published.add(event);
          return CompletableFuture.completedFuture(null);
        },
        store,
        listener,
        new BloggerBlogConnector.Settings(
            List.of("live", "pending", "spam", "emptied"),
            2,
            Duration.ofMinutes(2),
            Duration.ofDays(7),
            Duration.ofSeconds(5),
            null),
        Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC));
  }

  private PlatformHttp http() {
    try {
      return PlatformHttp.create(
          blogger.baseUrl().toURL(),
          new GoogleApiRules("blogger"),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
