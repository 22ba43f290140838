package dev.switchboard.ingest.connectors.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.instagram.InstagramClient;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.fakes.FakeInstagram;
import dev.switchboard.fakes.InstagramFault;
import dev.switchboard.ingest.connectors.Connector.PollOutcome;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's window, cursor and failure rules against the fake Instagram, Kafka in memory. */
class InstagramAccountConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String IG = "17841400000000009";
  private static final String PAGE = "2200";

  private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
  private final FakeInstagram instagram = FakeInstagram.start().addAccount(IG, PAGE, "tok");
  private final List<Duration> waits = new ArrayList<>();
  private final PlatformHttp http = http();
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final AtomicInteger malformed = new AtomicInteger();
  private final List<String> failures = new ArrayList<>();
  private boolean kafkaDown;
  private final EventSink sink =
      event -> {
        if (kafkaDown) {
          return CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
        }
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
        public void malformed(String connectorId, int count) {
          malformed.addAndGet(count);
        }

        @Override
        public void failed(String connectorId, String kind) {
          failures.add(kind);
        }
      };

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              instagram.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GraphRules("instagram"),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30)),
          waits::add,
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private InstagramAccountConnector connector(int maxMedia) {
    return new InstagramAccountConnector(
        "trust",
        IG,
        PAGE,
        "tok",
        new InstagramClient(http, "v21.0"),
        sink,
        store,
        listener,
        new InstagramAccountConnector.Settings(
            2, maxMedia, Duration.ofMinutes(5), Duration.ofSeconds(5)),
        clock);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    instagram.close();
  }

  @Test
  void aPassPublishesCommentsRepliesAndMessagesOnceAndTheNextOnlyWhatIsNew() {
    String media = instagram.addMedia(IG, "Our new ward", T0);
    String top = instagram.addComment(media, null, "Lovely", "u1", "ann", T0.plusSeconds(1));
    instagram.setEmbeddedReplies(1);
    String r1 = instagram.addComment(media, top, "Agreed", "u2", "bob", T0.plusSeconds(2));
    String r2 = instagram.addComment(media, top, "Me too", "u3", "cat", T0.plusSeconds(3));
    for (int i = 0; i < 3; i++) {
      instagram.addComment(media, null, "more " + i, "u4", "dan", T0.plusSeconds(10 + i));
    }
    String dm = instagram.addMessage(IG, "igsid-1", "eve", false, "Visiting hours?", T0);

    PollOutcome first = connector(10).poll();

    assertThat(first.complete()).isTrue();
    assertThat(first.events()).isEqualTo(7);
    assertThat(published).extracting(ChannelEvent::platformId).contains(top, r1, r2, dm);
    ChannelEvent reply =
        published.stream().filter(e -> e.platformId().equals(r2)).findFirst().orElseThrow();
    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo(top);
    assertThat(reply.threadRootId()).isEqualTo(media);
    assertThat(reply.url()).startsWith("https://www.instagram.com/p/");
    ChannelEvent message =
        published.stream().filter(e -> e.platformId().equals(dm)).findFirst().orElseThrow();
    assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(message.threadRootId()).isEqualTo("igsid-1");

    // Nothing new: nothing published, by a fresh instance reading the cursor too.
    assertThat(connector(10).poll().events()).isZero();

    String late = instagram.addComment(media, top, "Late reply", "u5", "fay", T0.plusSeconds(99));
    String dm2 = instagram.addMessage(IG, "igsid-1", "eve", true, "From 2pm", T0.plusSeconds(120));
    instagram.deleteComment(r1);
    int before = published.size();
    assertThat(connector(10).poll().complete()).isTrue();
    List<ChannelEvent> second = published.subList(before, published.size());
    assertThat(second)
        .extracting(e -> e.platformId() + ":" + e.kind())
        .containsExactlyInAnyOrder(late + ":CREATED", dm2 + ":CREATED", r1 + ":DELETED");
    ChannelEvent deleted =
        second.stream().filter(e -> e.kind() == EventKind.DELETED).findFirst().orElseThrow();
    assertThat(deleted.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(deleted.parentId()).isEqualTo(top);
    assertThat(deleted.text()).isNull();
  }

  @Test
  void onlyTheNewestMediaArePolledAndTheCursorForgetsOlderOnes() {
    String old = instagram.addMedia(IG, "old", T0);
    instagram.addComment(old, null, "on old", "u", "u", T0.plusSeconds(1));
    InstagramAccountConnector connector = connector(1);
    assertThat(connector.poll().events()).isEqualTo(1);
    assertThat(connector.cursor().media()).containsOnlyKeys(old);

    String newer = instagram.addMedia(IG, "newer", T0.plusSeconds(60));
    instagram.addComment(newer, null, "on newer", "u", "u", T0.plusSeconds(61));
    instagram.addComment(old, null, "late on old", "u", "u", T0.plusSeconds(62));
    assertThat(connector.poll().events()).isEqualTo(1);

    assertThat(published).extracting(ChannelEvent::text).containsExactly("on old", "on newer");
    assertThat(connector.cursor().media()).containsOnlyKeys(newer);
  }

  @Test
  void aBrokenCommentIsSkippedAndNeverTakenForADeletion() {
    String media = instagram.addMedia(IG, "m", T0);
    String good = instagram.addComment(media, null, "good", "u", "u", T0.plusSeconds(1));
    String flaky = instagram.addComment(media, null, "flaky", "u", "u", T0.plusSeconds(2));
    assertThat(connector(5).poll().events()).isEqualTo(2);

    instagram.corruptComment(flaky);
    PollOutcome outcome = connector(5).poll();

    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.events()).isZero();
    assertThat(malformed.get()).isEqualTo(1);
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(flaky, good);
    assertThat(connector(5).cursor().commentsOf(media)).containsKeys(good, flaky);
  }

  @Test
  void aBrokenAnswerOrARefusalEndsThePassWithoutMovingTheCursor() {
    String media = instagram.addMedia(IG, "m", T0);
    instagram.addComment(media, null, "hello", "u", "u", T0.plusSeconds(1));
    instagram.failNextMatching("/comments", new InstagramFault.MalformedJson());

    PollOutcome broken = connector(5).poll();
    assertThat(broken.complete()).isFalse();
    assertThat(broken.nextPollIn()).isEqualTo(Duration.ofMinutes(5));
    assertThat(failures).containsExactly("MALFORMED_RESPONSE");
    assertThat(malformed.get()).isEqualTo(1);
    assertThat(published).isEmpty();

    InstagramAccountConnector stale =
        new InstagramAccountConnector(
            "trust",
            IG,
            PAGE,
            "expired",
            new InstagramClient(http, "v21.0"),
            sink,
            store,
            listener,
            new InstagramAccountConnector.Settings(
                2, 5, Duration.ofMinutes(5), Duration.ofSeconds(5)),
            clock);
    assertThat(stale.poll().complete()).isFalse();
    assertThat(failures).last().isEqualTo("PERMANENT");

    assertThat(connector(5).poll().events()).isEqualTo(1);
  }

  @Test
  void aRateLimitLongerThanACallMayWaitDelaysTheNextPassAndLosesNothing() {
    String media = instagram.addMedia(IG, "m", T0);
    instagram.addComment(media, null, "patience", "u", "u", T0.plusSeconds(1));
    instagram.failNextMatching("/comments", new InstagramFault.GraphRateLimit(80002, 10));

    PollOutcome limited = connector(5).poll();
    assertThat(limited.complete()).isFalse();
    assertThat(limited.nextPollIn()).isEqualTo(Duration.ofMinutes(10));
    assertThat(failures).containsExactly("RATE_LIMITED");

    assertThat(connector(5).poll().events()).isEqualTo(1);
  }

  @Test
  void withoutKafkasAcknowledgementTheCursorDoesNotMove() {
    String media = instagram.addMedia(IG, "m", T0);
    instagram.addComment(media, null, "keep me", "u", "u", T0.plusSeconds(1));
    kafkaDown = true;

    assertThat(connector(5).poll().complete()).isFalse();
    assertThat(failures).containsExactly("KAFKA");
    assertThat(connector(5).cursor().commentsOf(media)).isEmpty();

    kafkaDown = false;
    assertThat(connector(5).poll().events()).isEqualTo(1);
  }

  @Test
  void directMessagesInTheSameSecondAsTheCursorAreNeitherLostNorRepeated() {
    instagram.addMessage(IG, "igsid-2", "gus", false, "first", T0);
    assertThat(connector(5).poll().events()).isEqualTo(1);
    instagram.addMessage(IG, "igsid-2", "gus", false, "same second", T0);
    instagram.addMessage(IG, "igsid-3", "hal", false, "later", T0.plusSeconds(5));

    assertThat(connector(5).poll().events()).isEqualTo(2);
    assertThat(connector(5).poll().events()).isZero();
    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("first", "same second", "later");
  }
}
