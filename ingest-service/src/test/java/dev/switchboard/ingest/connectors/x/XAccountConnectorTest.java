package dev.switchboard.ingest.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.http.XRules;
import dev.switchboard.channels.x.XClient;
import dev.switchboard.channels.x.XToken;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.fakes.FakeX;
import dev.switchboard.fakes.XFault;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's passes, cursor and failure rules against the fake X, Kafka in memory. */
class XAccountConnectorTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final String TRUST = "1001";
  private static final Duration RECHECK = Duration.ofHours(1);

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final FakeX x =
      FakeX.start(clock, "app-token")
          .addAccount(TRUST, "nhs_trust", "user-token", true)
          .addAccount("1002", "nhs_nodm", "nodm-token", false)
          .addUser("2001", "pat", "Pat Patient")
          .addUser("2002", "sam", "Sam Visitor");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final PlatformHttp http = http();
  private final XClient client = new XClient(http, clock);
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final AtomicInteger malformed = new AtomicInteger();
  private final List<String> failures = new ArrayList<>();
  private final List<Instant> successes = new ArrayList<>();

  private final EventSink sink =
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

        @Override
        public void succeeded(String connectorId, Instant at) {
          successes.add(at);
        }
      };

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(x.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new XRules(),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMinutes(1)),
          wait -> {
            waits.add(wait);
            clock.step(wait);
          },
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private XAccountConnector connector(String name, String userId, String token, boolean dms) {
    return new XAccountConnector(
        name,
        userId,
        new XToken(token),
        client,
        sink,
        store,
        listener,
        new XAccountConnector.Settings(
            5, 2, dms, RECHECK, Duration.ofMinutes(2), Duration.ofSeconds(5)),
        clock);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    x.close();
  }

  @Test
  void mentionsRepliesEditsAndDirectMessagesBecomeEvents() {
    String root = x.mention(TRUST, "2001", "@nhs_trust Waited 4 hours &amp; no one came", T0);
    String answer = x.reply(TRUST, "2002", root, "@pat @nhs_trust same", T0.plusSeconds(30));
    String dm = x.directMessage(TRUST, "2001", "My NHS number is in the letter", T0);
    XAccountConnector connector = connector("trust", TRUST, "user-token", true);

    PollOutcome first = connector.poll();

    assertThat(first.complete()).isTrue();
    assertThat(first.nextPollIn()).isEqualTo(Duration.ofMinutes(2));
    assertThat(published).hasSize(3);
    ChannelEvent mention = byPlatformId(root);
    assertThat(mention.kind()).isEqualTo(EventKind.CREATED);
    assertThat(mention.itemType()).isEqualTo(ItemType.MENTION);
    assertThat(mention.text()).isEqualTo("@nhs_trust Waited 4 hours & no one came");
    assertThat(mention.threadRootId()).isEqualTo(root);
    assertThat(mention.parentId()).isNull();
    assertThat(mention.author().handle()).isEqualTo("pat");
    assertThat(mention.url()).isEqualTo("https://x.com/pat/status/" + root);
    assertThat(mention.visibility()).isEqualTo(Visibility.PUBLIC);
    ChannelEvent reply = byPlatformId(answer);
    assertThat(reply.parentId()).isEqualTo(root);
    assertThat(reply.threadRootId()).isEqualTo(root);
    assertThat(reply.conversationKey()).isEqualTo(mention.conversationKey());
    // It answers Pat, not the trust: still a mention.
    assertThat(reply.itemType()).isEqualTo(ItemType.MENTION);
    ChannelEvent message = byPlatformId(dm);
    assertThat(message.itemType()).isEqualTo(ItemType.PRIVATE_MESSAGE);
    assertThat(message.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(message.threadRootId()).isEqualTo("1001-2001");
    assertThat(message.author().platformId()).isEqualTo("2001");

    String edited = x.edit(root, "@nhs_trust Waited 5 hours", T0.plusSeconds(600));
    String toTrust = x.reply(TRUST, "2001", "1001", "@nhs_trust thanks", T0.plusSeconds(700));
    assertThat(connector.poll().events()).isEqualTo(2);
    ChannelEvent edit =
        published.stream().filter(e -> e.kind() == EventKind.EDITED).findFirst().orElseThrow();
    assertThat(edit.kind()).isEqualTo(EventKind.EDITED);
    assertThat(edit.itemId()).isEqualTo(mention.itemId());
    assertThat(edit.platformId()).isEqualTo(root);
    assertThat(edit.revision()).isEqualTo(1);
    assertThat(edit.url()).endsWith(edited);
    assertThat(edit.text()).isEqualTo("@nhs_trust Waited 5 hours");
    assertThat(byPlatformId(toTrust).itemType()).isEqualTo(ItemType.REPLY);
    // Nothing new: nothing published, one request per timeline.
    int requests = x.requests().size();
    assertThat(connector.poll().events()).isZero();
    assertThat(x.requests()).hasSize(requests + 2);
    assertThat(x.requests().get(requests).query()).contains("since_id=" + toTrust);
    assertThat(waits).isEmpty();
  }

  @Test
  void aRestartMidPassResumesItFromTheCursorLosingAndRepeatingNothing() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      expected.add(x.mention(TRUST, "2001", "@nhs_trust " + i, T0.plusSeconds(i)));
    }
    for (int i = 0; i < 3; i++) {
      expected.add(x.directMessage(TRUST, "2002", "dm " + i, T0.plusSeconds(i)));
    }
    XAccountConnector first = connector("trust", TRUST, "user-token", true);
    assertThat(first.poll(1).complete()).isFalse();
    assertThat(first.cursor().mentions().pageToken()).isNotNull();
    assertThat(first.cursor().mentions().since()).isNull();
    // A mention arriving mid-pass belongs to the next pass.
    String late = x.mention(TRUST, "2002", "@nhs_trust late", T0.plusSeconds(99));

    XAccountConnector second = connector("trust", TRUST, "user-token", true);
    assertThat(second.cursor()).isEqualTo(first.cursor());
    // Two more pages finish the mentions' pass (12 in pages of 5); the third is the DMs' first.
    assertThat(second.poll(3).complete()).isFalse();
    assertThat(second.cursor().mentions().pageToken()).isNull();
    assertThat(second.cursor().directMessages().pageToken()).isNotNull();
    assertThat(platformIds()).doesNotContain(late);

    // The next instance starts a new mentions pass from the newest id (the late one is new to it)
    // and finishes the DMs' pass from its page token.
    XAccountConnector third = connector("trust", TRUST, "user-token", true);
    assertThat(third.poll().complete()).isTrue();
    expected.add(late);
    assertThat(platformIds()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(connector("trust", TRUST, "user-token", true).poll().events()).isZero();
    assertThat(published.stream().map(ChannelEvent::eventId).collect(Collectors.toSet()))
        .hasSize(published.size());
  }

  @Test
  void refusedDirectMessagesAreTurnedOffWithAHealthErrorNotRetried() {
    x.mention("1002", "2001", "@nhs_nodm hello", T0);
    XAccountConnector connector = connector("nodm", "1002", "nodm-token", true);

    PollOutcome first = connector.poll();
    PollOutcome second = connector.poll();

    assertThat(first.complete()).isTrue();
    assertThat(second.complete()).isTrue();
    assertThat(published).hasSize(1);
    assertThat(connector.directMessagesOff()).isTrue();
    assertThat(failures).containsExactly("DM_FORBIDDEN", "DM_FORBIDDEN");
    assertThat(successes).hasSize(2);
    assertThat(x.requests().stream().filter(r -> r.path().equals("/2/dm_events")))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(403));

    // After the recheck interval it asks once more.
    clock.step(RECHECK);
    connector.poll();
    assertThat(x.requests().stream().filter(r -> r.path().equals("/2/dm_events"))).hasSize(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void aSpentWindowEndsThePassAndTheNextWaitsForTheResetLosingNothing() {
    x.limits(1, 10);
    for (int i = 0; i < 7; i++) {
      x.mention(TRUST, "2001", "@nhs_trust " + i, T0.plusSeconds(i));
    }
    XAccountConnector connector = connector("trust", TRUST, "user-token", false);

    PollOutcome limited = connector.poll();

    assertThat(limited.complete()).isFalse();
    assertThat(limited.nextPollIn()).isEqualTo(FakeX.WINDOW);
    assertThat(failures).containsExactly("RATE_LIMITED");
    assertThat(published).hasSize(5);
    // The client stopped before asking: no 429 was spent.
    assertThat(x.requests()).extracting(FakeX.RecordedRequest::status).containsExactly(200);

    clock.step(limited.nextPollIn());
    assertThat(connector.poll().complete()).isTrue();
    assertThat(published).hasSize(7);

    clock.step(FakeX.WINDOW);
    x.failNext(new XFault.TooManyRequests(30));
    x.mention(TRUST, "2001", "@nhs_trust after the storm", T0.plusSeconds(60));
    assertThat(connector.poll().events()).isEqualTo(1);

    // A reset further away than a request may wait: the pass stops and the next waits for it.
    clock.step(FakeX.WINDOW);
    x.failNext(new XFault.TooManyRequests(600));
    x.mention(TRUST, "2001", "@nhs_trust after the long wait", T0.plusSeconds(61));
    PollOutcome later = connector.poll();
    assertThat(later.complete()).isFalse();
    assertThat(later.nextPollIn()).isEqualTo(Duration.ofSeconds(600));
    clock.step(later.nextPollIn());
    assertThat(connector.poll().events()).isEqualTo(1);
    assertThat(published).hasSize(9);
    assertThat(waits)
        .singleElement()
        .satisfies(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void brokenPostsPartialErrorsAndBrokenAnswersAreReportedAndSkipped() {
    x.mention(TRUST, "2001", "@nhs_trust fine", T0);
    x.corrupt(x.mention(TRUST, "2001", "@nhs_trust broken", T0));
    x.mention(TRUST, "2002", "@nhs_trust from a suspended user", T0);
    x.suspend("2002");
    x.failNext(new XFault.MalformedJson());
    XAccountConnector connector = connector("trust", TRUST, "user-token", false);

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.cursor()).isEqualTo(XCursor.START);
    assertThat(connector.poll().complete()).isTrue();

    // The broken answer, the broken post and the partial error.
    assertThat(malformed).hasValue(3);
    assertThat(published)
        .extracting(ChannelEvent::text)
        .containsExactlyInAnyOrder("@nhs_trust fine", "@nhs_trust from a suspended user");
    assertThat(failures).containsExactly("MALFORMED_RESPONSE");
  }

  private ChannelEvent byPlatformId(String id) {
    return published.stream()
        .filter(e -> e.platformId().equals(id) && e.kind() == EventKind.CREATED)
        .findFirst()
        .orElseThrow();
  }

  private List<String> platformIds() {
    return published.stream().map(ChannelEvent::platformId).toList();
  }

  /** A clock that moves only when told. */
  static final class SteppedClock extends Clock {
    private volatile Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void step(Duration duration) {
      now = now.plus(duration);
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
