package dev.switchboard.ingest.connectors.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.wordpress.WordPressClient;
import dev.switchboard.channels.wordpress.WordPressRules;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.fakes.FakeWordPress;
import dev.switchboard.fakes.WordPressFault;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

/** The connector's passes, edits and cursor against the fake WordPress, with in-memory Kafka. */
class WordPressBlogConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private final FakeWordPress wp = FakeWordPress.start().addBlog("news", "comms", "pw");
  private final MovableClock clock = new MovableClock(T0.plus(Duration.ofHours(1)));
  private final PlatformHttp http =
      PlatformHttp.create(
          host(),
          new WordPressRules(),
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

  @AfterEach
  void stop() throws Exception {
    http.close();
    wp.close();
  }

  @Test
  void everyStatusIsReadAndEachCommentPublishedOnce() {
    wp.addComment("news", 7, 0, "A", null, "<p>approved</p>", T0, "approve");
    wp.addComment("news", 7, 0, "B", null, "<p>held</p>", T0.plusSeconds(1), "hold");
    wp.addComment("news", 7, 0, "C", null, "<p>spam</p>", T0.plusSeconds(2), "spam");
    wp.addComment("news", 7, 0, "D", null, "<p>binned</p>", T0.plusSeconds(3), "trash");

    WordPressBlogConnector connector = connector();
    assertThat(connector.poll().complete()).isTrue();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("approved", "held", "spam", "binned");
    assertThat(published).extracting(ChannelEvent::kind).containsOnly(EventKind.CREATED);
    assertThat(wp.requests("news"))
        .extracting(r -> r.query().replaceAll(".*status=([a-z]+).*", "$1"))
        .containsExactly("approve", "hold", "spam", "trash", "approve", "hold", "spam", "trash");
  }

  @Test
  void anEditIsPublishedAsEditedAndAStatusChangeAloneIsNot() {
    long id = wp.addComment("news", 7, 0, "A", null, "<p>first words</p>", T0, "hold");
    WordPressBlogConnector connector = connector();
    connector.poll();

    wp.setStatus("news", id, "approve");
    connector.poll();
    assertThat(published).hasSize(1);

    wp.editComment("news", id, "<p>second thoughts</p>");
    connector.poll();
    connector.poll();

    assertThat(published)
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.EDITED);
    ChannelEvent edited = published.get(1);
    assertThat(edited.text()).isEqualTo("second thoughts");
    assertThat(edited.itemId()).isEqualTo(published.get(0).itemId());
    assertThat(edited.revision()).isPositive();
    assertThat(edited.raw()).contains("\"status\":\"approved\"");
  }

  @Test
  void aCompletePassMovesTheWindowAndForgetsWhatFellOutOfIt() {
    wp.addComment("news", 7, 0, "A", null, "old", T0, "approve");
    WordPressBlogConnector connector = connector();
    connector.poll();
    assertThat(connector.cursor().seen()).hasSize(1);

    clock.set(T0.plus(Duration.ofDays(8)));
    connector.poll();
    connector.poll();

    assertThat(connector.cursor().scanFrom()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(connector.cursor().seen()).isEmpty();
    assertThat(wp.requests("news").get(wp.requests("news").size() - 1).query())
        .contains("after=2026-11-26T07%3A59%3A59Z");
    assertThat(published).hasSize(1);
  }

  @Test
  void aRestartedConnectorResumesFromTheStoredCursorWithoutRepublishing() {
    for (int i = 0; i < 5; i++) {
      wp.addComment("news", 7, 0, "A", null, "c" + i, T0.plusSeconds(i), "approve");
    }
    WordPressBlogConnector first = connector();
    assertThat(first.poll(2).complete()).isFalse();
    assertThat(published).hasSize(4);

    WordPressBlogConnector second = connector();
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();

    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactly("c0", "c1", "c2", "c3", "c4");
  }

  @Test
  void aMalformedAnswerEndsThePassWithoutMovingTheCursorAndTheNextPassRecovers() {
    wp.addComment("news", 7, 0, "A", null, "kept", T0, "approve");
    wp.corruptComment("news", wp.addComment("news", 7, 0, "B", null, "broken", T0, "approve"));
    wp.failNext("news", 1, new WordPressFault.MalformedJson());
    WordPressBlogConnector connector = connector();

    assertThat(connector.poll().complete()).isFalse();
    assertThat(published).isEmpty();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(published).extracting(ChannelEvent::text).containsExactly("kept");
    assertThat(malformed).hasValue(2);
  }

  @Test
  void aLongRetryAfterDelaysTheNextPollInsteadOfBlocking() {
    wp.failNext("news", 1, new WordPressFault.TooManyRequests(900));

    WordPressBlogConnector.PollOutcome outcome = connector().poll();

    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.nextPollIn()).isEqualTo(Duration.ofSeconds(900));
  }

  private WordPressBlogConnector connector() {
    return new WordPressBlogConnector(
        "news",
        "trust-news",
        new WordPressClient(http, "/news", "comms", "pw"),
        event -> {
          published.add(event);
          return CompletableFuture.completedFuture(null);
        },
        store,
        listener,
        new WordPressBlogConnector.Settings(
            List.of("approve", "hold", "spam", "trash"),
            2,
            Duration.ofMinutes(2),
            Duration.ofDays(7),
            Duration.ofSeconds(5),
            null),
        clock);
  }

  private URL host() {
    try {
      URI base = wp.baseUrl("news");
      return URI.create(base.getScheme() + "://" + base.getAuthority()).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock set by the test. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
