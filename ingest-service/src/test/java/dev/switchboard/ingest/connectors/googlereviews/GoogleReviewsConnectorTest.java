package dev.switchboard.ingest.connectors.googlereviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.google.BusinessProfileClient;
import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.fakes.BusinessProfileFault;
import dev.switchboard.fakes.FakeBusinessProfile;
import dev.switchboard.ingest.connectors.Connector.PollOutcome;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import java.net.MalformedURLException;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's change detection, deletion rule, cursor and failure handling against the fake
 * Business Profile API, Kafka in memory, on a clock the test steps.
 */
class GoogleReviewsConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final String ACCOUNT = "1160";
  private static final String LOCATION = "4455";
  private static final Duration SWEEP = Duration.ofHours(1);

  /** A clock the test moves by hand. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T15:00:00Z");

    void step(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final StepClock clock = new StepClock();
  private final FakeBusinessProfile google =
      FakeBusinessProfile.start().addLocation(ACCOUNT, LOCATION, "token");
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
              google.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GoogleApiRules("google-reviews"),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)),
          d -> {},
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private GoogleReviewsConnector connector() {
    return new GoogleReviewsConnector(
        "site",
        ACCOUNT,
        LOCATION,
        AccessToken.fixed("token"),
        new BusinessProfileClient(http),
        event -> sink.publish(event),
        store,
        listener,
        new GoogleReviewsConnector.Settings(
            2, Duration.ofMinutes(5), SWEEP, 2, Duration.ofSeconds(5), "https://g.page/r/site"),
        clock);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    google.close();
  }

  private List<ChannelEvent> since(int from) {
    return List.copyOf(published.subList(from, published.size()));
  }

  @Test
  void reviewsAndRepliesArriveOnceAsReviewAndReplyInOneConversation() {
    String named = google.addReview(ACCOUNT, LOCATION, "Pat Jones", 2, "Waited &amp; waited", T0);
    google.reply(named, "We are sorry to hear this.", T0.plusSeconds(600));
    String anonymous = google.addAnonymousReview(ACCOUNT, LOCATION, 5, null, T0.plusSeconds(60));
    google.addReview(ACCOUNT, LOCATION, "Sam", 4, "Kind nurses", T0.plusSeconds(120));

    PollOutcome outcome = connector().poll();

    assertThat(outcome.complete()).isTrue();
    assertThat(outcome.nextPollIn()).isEqualTo(Duration.ofMinutes(5));
    assertThat(published).hasSize(4).allMatch(e -> e.kind() == EventKind.CREATED);
    ChannelEvent review = byPlatformId(named);
    assertThat(review.channel()).isEqualTo(Channel.GOOGLE_REVIEWS);
    assertThat(review.account()).isEqualTo(LOCATION);
    assertThat(review.itemType()).isEqualTo(ItemType.REVIEW);
    assertThat(review.rating()).isEqualTo(2);
    assertThat(review.text()).isEqualTo("Waited & waited");
    assertThat(review.author().name()).isEqualTo("Pat Jones");
    assertThat(review.threadRootId()).isEqualTo(named);
    assertThat(review.parentId()).isNull();
    assertThat(review.createdAt()).isEqualTo(T0);
    assertThat(review.url()).isEqualTo("https://g.page/r/site");
    assertThat(review.raw()).contains("\"starRating\":\"TWO\"");
    assertThat(review.itemId()).isEqualTo(Ids.itemId(Channel.GOOGLE_REVIEWS, LOCATION, named));
    ChannelEvent reply = byPlatformId(named + "/reply");
    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo(named);
    assertThat(reply.conversationKey()).isEqualTo(review.conversationKey());
    assertThat(reply.text()).isEqualTo("We are sorry to hear this.");
    assertThat(reply.author().name()).isEqualTo(GoogleReviewsNormalizer.OWNER);
    assertThat(reply.rating()).isNull();
    ChannelEvent anon = byPlatformId(anonymous);
    assertThat(anon.author().name()).isEqualTo("A Google user");
    assertThat(anon.text()).isEmpty();
    assertThat(anon.rating()).isEqualTo(5);

    // Nothing changed: nothing new, from a fresh instance too.
    clock.step(Duration.ofMinutes(5));
    assertThat(connector().poll().events()).isZero();
    assertThat(published).hasSize(4);
  }

  @Test
  void editsOfTheReviewAndOfTheReplyAreEditedAndARemovedReplyIsDeleted() {
    String id = google.addReview(ACCOUNT, LOCATION, "Pat", 3, "Parking was hard", T0);
    GoogleReviewsConnector connector = connector();
    connector.poll();
    int before = published.size();

    google.editReview(id, 1, "Parking was impossible", T0.plusSeconds(3600));
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.EDITED);
              assertThat(e.platformId()).isEqualTo(id);
              assertThat(e.text()).isEqualTo("Parking was impossible");
              assertThat(e.rating()).isEqualTo(1);
              assertThat(e.revision()).isPositive();
            });

    // Only the stars change: still an edit.
    before = published.size();
    google.editReview(id, 2, "Parking was impossible", T0.plusSeconds(7200));
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before)).singleElement().matches(e -> e.rating() == 2);

    before = published.size();
    google.reply(id, "Our car park is being extended.", T0.plusSeconds(9000));
    google.editReview(id, 2, "Parking was impossible!", T0.plusSeconds(9000));
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before))
        .extracting(ChannelEvent::platformId, ChannelEvent::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id, EventKind.EDITED),
            org.assertj.core.groups.Tuple.tuple(id + "/reply", EventKind.CREATED));

    before = published.size();
    google.reply(id, "Our car park opens in May.", T0.plusSeconds(9500));
    google.editReview(id, 2, "Parking was impossible!", T0.plusSeconds(9500));
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.platformId()).isEqualTo(id + "/reply");
              assertThat(e.kind()).isEqualTo(EventKind.EDITED);
              assertThat(e.text()).isEqualTo("Our car park opens in May.");
            });

    before = published.size();
    google.deleteReply(id);
    google.editReview(id, 2, "Parking was impossible!", T0.plusSeconds(9900));
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.platformId()).isEqualTo(id + "/reply");
              assertThat(e.kind()).isEqualTo(EventKind.DELETED);
              assertThat(e.text()).isNull();
              assertThat(e.raw()).doesNotContain("reviewReply");
            });
    assertThat(published.stream().map(ChannelEvent::eventId).distinct()).hasSize(published.size());
  }

  @Test
  void aReplyToAnOldReviewThatDidNotMoveItIsFoundByTheNextSweep() {
    String old = google.addReview(ACCOUNT, LOCATION, "Old", 4, "Fine", T0);
    google.addReview(ACCOUNT, LOCATION, "C", 4, "Good", T0.plusSeconds(1800));
    google.addReview(ACCOUNT, LOCATION, "A", 4, "Good", T0.plusSeconds(3600));
    google.addReview(ACCOUNT, LOCATION, "B", 4, "Good", T0.plusSeconds(3601));
    GoogleReviewsConnector connector = connector();
    connector.poll();
    int before = published.size();
    // The reply leaves the review's updateTime alone: listed as Newer, B | A, C | Old, the
    // incremental pass stops after the page where it meets A, older than its cursor.
    google.reply(old, "Thank you.", T0.plusSeconds(7200));
    google.addReview(ACCOUNT, LOCATION, "Newer", 5, "Great", T0.plusSeconds(7300));

    clock.step(Duration.ofMinutes(5));
    connector.poll();
    assertThat(since(before)).extracting(ChannelEvent::author).extracting("name").contains("Newer");
    assertThat(since(before)).noneMatch(e -> e.platformId().equals(old + "/reply"));

    clock.step(SWEEP);
    connector.poll();
    assertThat(published).filteredOn(e -> e.platformId().equals(old + "/reply")).hasSize(1);
  }

  @Test
  void aReviewIsDeletedOnlyAfterTwoCompleteCleanSweepsMissIt() {
    String kept = google.addReview(ACCOUNT, LOCATION, "Kept", 5, "Superb", T0);
    String gone = google.addReview(ACCOUNT, LOCATION, "Gone", 1, "Awful", T0.plusSeconds(1));
    google.reply(gone, "Please call us.", T0.plusSeconds(2));
    GoogleReviewsConnector connector = connector();
    connector.poll();
    int before = published.size();

    google.removeReview(gone);
    // Incremental passes conclude nothing.
    clock.step(Duration.ofMinutes(5));
    connector.poll();
    // The first sweep that misses it only counts the absence.
    clock.step(SWEEP);
    connector.poll();
    assertThat(since(before)).isEmpty();
    assertThat(connector.cursor().known().get(gone).missing()).isEqualTo(1);

    // A sweep that leaves a review out (malformed) concludes nothing, not even an absence.
    google.corruptReview(kept);
    clock.step(SWEEP);
    connector.poll();
    assertThat(since(before)).isEmpty();
    assertThat(malformed.get()).isEqualTo(1);
    assertThat(connector.cursor().known().get(gone).missing()).isEqualTo(1);

    // A second complete, clean sweep without it: DELETED, reply first, then the review.
    google.addReview(ACCOUNT, LOCATION, "Other", 3, "Ok", T0.plusSeconds(5));
    clock.step(SWEEP);
    GoogleReviewsConnector restarted = connector();
    // The corrupt review is still corrupt: the sweep is not clean.
    restarted.poll();
    assertThat(since(before)).extracting(ChannelEvent::kind).containsOnly(EventKind.CREATED);

    // The review reads again: the next sweep is clean and concludes.
    google.repairReview(kept);
    before = published.size();
    clock.step(SWEEP);
    restarted.poll();
    List<ChannelEvent> deleted =
        since(before).stream().filter(e -> e.kind() == EventKind.DELETED).toList();
    assertThat(deleted).extracting(ChannelEvent::platformId).containsExactly(gone + "/reply", gone);
    assertThat(deleted.get(1).itemType()).isEqualTo(ItemType.REVIEW);
    assertThat(deleted.get(1).raw()).contains(gone).contains("absentFromCompleteListings");
    assertThat(deleted.get(1).itemId())
        .isEqualTo(Ids.itemId(Channel.GOOGLE_REVIEWS, LOCATION, gone));
    assertThat(restarted.cursor().known()).doesNotContainKey(gone);
  }

  @Test
  void aSweepThatListsNothingWhileReviewsAreKnownConcludesNothing() {
    String only = google.addReview(ACCOUNT, LOCATION, "Only", 2, "Slow", T0);
    GoogleReviewsConnector connector = connector();
    connector.poll();
    int before = published.size();

    google.removeReview(only);
    for (int i = 0; i < 3; i++) {
      clock.step(SWEEP);
      assertThat(connector.poll().complete()).isTrue();
    }
    assertThat(since(before)).isEmpty();
    assertThat(connector.cursor().known()).containsKey(only);
  }

  @Test
  void aRestartMidSweepResumesWithTheIdsItHadSeenAndDuplicatesNothing() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(
          google.addReview(
              ACCOUNT, LOCATION, "R" + i, 1 + i % 5, "review " + i, T0.plusSeconds(i)));
    }
    GoogleReviewsConnector first = connector();
    assertThat(first.poll(2).complete()).isFalse();
    assertThat(first.cursor().pass().seen()).hasSize(4);
    GoogleReviewsConnector second = connector();
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    assertThat(published)
        .extracting(ChannelEvent::platformId)
        .containsExactlyInAnyOrderElementsOf(ids);

    // A sweep interrupted after its first page, resumed by a new instance, still sees everything
    // it listed before the restart: no review is wrongly counted absent.
    clock.step(SWEEP);
    GoogleReviewsConnector third = connector();
    third.poll(1);
    clock.step(SWEEP);
    GoogleReviewsConnector fourth = connector();
    fourth.poll();
    assertThat(fourth.cursor().known().values()).allMatch(k -> k.missing() == 0);
    assertThat(published).hasSize(7);
  }

  @Test
  void withoutKafkasAcknowledgementTheCursorStaysAndTheSameEventsComeAgain() {
    google.addReview(ACCOUNT, LOCATION, "A", 4, "a", T0);
    sink = event -> CompletableFuture.failedFuture(new IllegalStateException("broker down"));
    GoogleReviewsConnector connector = connector();
    PollOutcome failed = connector.poll();
    assertThat(failed.complete()).isFalse();
    assertThat(failures).containsExactly("KAFKA");
    assertThat(cursors).isEmpty();

    sink =
        event -> {
          published.add(event);
          return CompletableFuture.completedFuture(null);
        };
    assertThat(connector.poll().events()).isEqualTo(1);
    assertThat(connector().poll().events()).isZero();
  }

  @Test
  void aRateLimitBeyondTheRetriesEndsThePassWithGooglesWaitAndNothingIsLost() {
    for (int i = 0; i < 3; i++) {
      google.addReview(ACCOUNT, LOCATION, "R" + i, 3, "r" + i, T0.plusSeconds(i));
    }
    GoogleReviewsConnector connector = connector();
    assertThat(connector.poll(1).complete()).isFalse();
    // Retry-After 30 s is more than the 1 s a request may wait here: the pass ends.
    google.failNext(new BusinessProfileFault.TooManyRequests(30));
    PollOutcome limited = connector.poll();
    assertThat(limited.complete()).isFalse();
    assertThat(limited.nextPollIn()).isEqualTo(Duration.ofMinutes(5));
    assertThat(failures).containsExactly("RATE_LIMITED");
    assertThat(connector.poll().complete()).isTrue();
    assertThat(published.stream().map(ChannelEvent::platformId).collect(Collectors.toSet()))
        .hasSize(3);
    assertThat(published).hasSize(3);
  }

  @Test
  void aBrokenAnswerIsReportedAndARefusedPageTokenStartsThePassAgain() {
    for (int i = 0; i < 3; i++) {
      google.addReview(ACCOUNT, LOCATION, "R" + i, 3, "r" + i, T0.plusSeconds(i));
    }
    google.failNext(new BusinessProfileFault.MalformedJson());
    GoogleReviewsConnector connector = connector();
    assertThat(connector.poll().complete()).isFalse();
    assertThat(malformed.get()).isEqualTo(1);
    assertThat(failures).containsExactly("MALFORMED_RESPONSE");

    assertThat(connector.poll(1).complete()).isFalse();
    // The stored page token has expired (the fake refuses one it cannot read).
    GoogleReviewsCursor stale = connector.cursor();
    GoogleReviewsCursor.Pass pass = stale.pass();
    cursors.put(
        "google-reviews:site",
        new GoogleReviewsCursor(
                stale.since(),
                stale.lastSweep(),
                stale.known(),
                new GoogleReviewsCursor.Pass(
                    "expired!", pass.sweep(), pass.clean(), pass.pending(), pass.seen()))
            .encode());
    GoogleReviewsConnector resumed = connector();
    assertThat(resumed.poll().complete()).isFalse();
    assertThat(resumed.cursor().pass()).isNull();
    assertThat(resumed.poll().complete()).isTrue();
    assertThat(published).hasSize(3);
    assertThat(published.stream().map(ChannelEvent::eventId).distinct()).hasSize(3);
  }

  @Test
  void theCursorSurvivesItsOwnEncoding() {
    GoogleReviewsCursor cursor =
        new GoogleReviewsCursor(
            5L,
            7L,
            Map.of(
                "a", new GoogleReviewsCursor.Known(1, null, 0),
                "b", new GoogleReviewsCursor.Known(-2, 3, 1)),
            new GoogleReviewsCursor.Pass("tok", true, false, 9L, java.util.Set.of("a", "c")));
    assertThat(GoogleReviewsCursor.decode(cursor.encode())).contains(cursor);
    assertThat(GoogleReviewsCursor.decode("not json")).isEmpty();
    assertThat(GoogleReviewsCursor.decode(GoogleReviewsCursor.START.encode()))
        .contains(GoogleReviewsCursor.START);
  }

  private ChannelEvent byPlatformId(String platformId) {
    return published.stream()
        .filter(e -> e.platformId().equals(platformId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event for " + platformId));
  }
}
