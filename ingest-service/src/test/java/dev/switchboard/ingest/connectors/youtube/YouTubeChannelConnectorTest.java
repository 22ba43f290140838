package dev.switchboard.ingest.connectors.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.youtube.YouTubeClient;
import dev.switchboard.channels.youtube.YouTubeCredential;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.fakes.FakeYouTube;
import dev.switchboard.fakes.YouTubeFault;
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

/** The connector's paging, cursor and failure rules against the fake YouTube, Kafka in memory. */
class YouTubeChannelConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String CHANNEL = "UCtrust";
  // 15:00 UTC on 25 November is 07:00 in Los Angeles: 17 hours before the quota resets.
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  private final FakeYouTube youtube = FakeYouTube.start().addChannel(CHANNEL, "key", "owner");
  private final PlatformHttp http = http();
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final AtomicInteger malformed = new AtomicInteger();
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
              youtube.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GoogleApiRules("youtube"),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)),
          d -> {},
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private YouTubeChannelConnector connector() {
    return new YouTubeChannelConnector(
        "trust",
        CHANNEL,
        new YouTubeCredential(YouTubeCredential.Type.OAUTH, "owner"),
        new YouTubeClient(http),
        event -> sink.publish(event),
        store,
        listener,
        new YouTubeChannelConnector.Settings(
            2, Duration.ofMinutes(5), Duration.ofSeconds(5), YouTubeClient.MODERATION_STATUSES),
        clock);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    youtube.close();
  }

  @Test
  void everyStatusIsReadAndASecondPassFindsOnlyWhatIsNew() {
    String a = youtube.addComment(CHANNEL, "v1", "published", "a", "UCa", "A", T0);
    youtube.addComment(CHANNEL, "v1", "published", "b", "UCb", "B", T0.plusSeconds(1));
    youtube.addComment(CHANNEL, "v1", "published", "c", "UCc", "C", T0.plusSeconds(2));
    youtube.addComment(CHANNEL, "v2", "heldForReview", "held", "UCd", "D", T0.plusSeconds(3));
    youtube.addComment(CHANNEL, "v2", "likelySpam", "spam", "UCe", "E", T0.plusSeconds(4));

    PollOutcome first = connector().poll();

    assertThat(first.complete()).isTrue();
    assertThat(first.nextPollIn()).isEqualTo(Duration.ofMinutes(5));
    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("a", "b", "c", "held", "spam");
    assertThat(published).extracting(ChannelEvent::raw).anyMatch(r -> r.contains("likelySpam"));

    published.clear();
    String reply = youtube.addReply(a, "late reply", "UCf", "F", T0.plusSeconds(100));
    youtube.addComment(CHANNEL, "v1", "published", "new", "UCg", "G", T0.plusSeconds(101));
    YouTubeChannelConnector second = connector();
    assertThat(second.poll().complete()).isTrue();

    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("late reply", "new");
    ChannelEvent replyEvent =
        published.stream().filter(e -> e.platformId().equals(reply)).findFirst().orElseThrow();
    assertThat(replyEvent.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(replyEvent.parentId()).isEqualTo(a);
    assertThat(replyEvent.threadRootId()).isEqualTo(a);
  }

  @Test
  void anEditArrivesAsEditedOnlyOnce() {
    String a = youtube.addComment(CHANNEL, "v1", "published", "first words", "UCa", "A", T0);
    connector().poll();
    published.clear();

    youtube.editComment(a, "second thoughts", T0.plusSeconds(60));
    connector().poll();
    connector().poll();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).kind()).isEqualTo(EventKind.EDITED);
    assertThat(published.get(0).text()).isEqualTo("second thoughts");
    assertThat(published.get(0).revision()).isPositive();
  }

  @Test
  void aSpentQuotaWaitsUntilPacificMidnightAndTheCursorStays() {
    youtube.addComment(CHANNEL, "v1", "published", "a", "UCa", "A", T0);
    youtube.failNext(new YouTubeFault.QuotaExceeded());
    YouTubeChannelConnector connector = connector();

    PollOutcome outcome = connector.poll();

    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.nextPollIn()).isEqualTo(Duration.ofHours(17));
    assertThat(failures).containsExactly("RATE_LIMITED");
    assertThat(published).isEmpty();
    assertThat(connector.poll().complete()).isTrue();
    assertThat(published).extracting(ChannelEvent::text).containsExactly("a");
  }

  @Test
  void aBrokenAnswerForOneStatusLeavesTheOthersGoing() {
    youtube.addComment(CHANNEL, "v1", "heldForReview", "held", "UCa", "A", T0);
    youtube.corruptThread(youtube.addComment(CHANNEL, "v1", "likelySpam", "x", "UCb", "B", T0));
    youtube.failNext(new YouTubeFault.MalformedJson());

    PollOutcome outcome = connector().poll();

    assertThat(outcome.complete()).isFalse();
    assertThat(published).extracting(ChannelEvent::text).containsExactly("held");
    // One broken answer (published) and one broken thread (likelySpam).
    assertThat(malformed).hasValue(2);
    assertThat(connector().poll().complete()).isTrue();
  }

  @Test
  void withoutKafkasAcknowledgementTheCursorDoesNotMove() {
    youtube.addComment(CHANNEL, "v1", "published", "a", "UCa", "A", T0);
    sink = event -> CompletableFuture.failedFuture(new IllegalStateException("broker down"));

    assertThat(connector().poll().complete()).isFalse();
    assertThat(cursors).isEmpty();
    assertThat(failures).containsExactly("KAFKA");

    sink =
        event -> {
          published.add(event);
          return CompletableFuture.completedFuture(null);
        };
    connector().poll();
    assertThat(published).extracting(ChannelEvent::text).containsExactly("a");
  }
}
