package dev.switchboard.channels.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.http.XRules;
import dev.switchboard.fakes.FakeX;
import dev.switchboard.fakes.XFault;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The X client over the real micronaut transport against the fake X API, on a stepped clock. */
class XClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final String TRUST = "1001";
  private static final XToken APP = new XToken("app-token");
  private static final XToken USER = new XToken("user-token");

  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final FakeX x =
      FakeX.start(clock, "app-token")
          .addAccount(TRUST, "nhs_trust", "user-token", true)
          .addUser("2001", "pat", "Pat Patient")
          .addUser("2002", "sam", "Sam Visitor");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final PlatformHttp http = http();
  private final XClient client = new XClient(http, clock);

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(x.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new XRules(),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5)),
          wait -> {
            waits.add(wait);
            clock.step(wait);
          },
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    x.close();
  }

  @Test
  void readsEveryMentionAcrossPagesNewestFirstWithAuthorsThreadsAndEdits() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(x.mention(TRUST, "2001", "@nhs_trust mention " + i, T0.plusSeconds(i)));
    }
    String reply =
        x.reply(TRUST, "2002", ids.get(0), "@nhs_trust @pat same here", T0.plusSeconds(60));
    String edited = x.edit(ids.get(1), "@nhs_trust mention 1, corrected", T0.plusSeconds(90));

    List<XPost> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      XMentionsPage page = client.mentions(TRUST, APP, null, token, 5);
      all.addAll(page.posts());
      assertThat(page.resultCount()).isEqualTo(page.posts().size());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(2);
    // The edit replaced the original on the timeline; ids fall page after page.
    assertThat(all).extracting(XPost::id).doesNotContain(ids.get(1)).contains(edited, reply);
    assertThat(all).hasSize(7);
    for (int i = 1; i < all.size(); i++) {
      assertThat(XIds.compare(all.get(i - 1).id(), all.get(i).id())).isPositive();
    }
    XPost edit = all.get(0);
    assertThat(edit.id()).isEqualTo(edited);
    assertThat(edit.edit()).isTrue();
    assertThat(edit.originalId()).isEqualTo(ids.get(1));
    assertThat(edit.editHistoryIds()).containsExactly(ids.get(1), edited);
    XPost answer = all.get(1);
    assertThat(answer.id()).isEqualTo(reply);
    assertThat(answer.edit()).isFalse();
    assertThat(answer.conversationId()).isEqualTo(ids.get(0));
    assertThat(answer.repliedToId()).isEqualTo(ids.get(0));
    assertThat(answer.inReplyToUserId()).isEqualTo("2001");
    assertThat(answer.authorId()).isEqualTo("2002");
    assertThat(answer.authorUsername()).isEqualTo("sam");
    assertThat(answer.authorName()).isEqualTo("Sam Visitor");
    assertThat(answer.createdAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(answer.text()).isEqualTo("@nhs_trust @pat same here");
    assertThat(answer.raw()).contains("\"conversation_id\":\"" + ids.get(0) + "\"");
    String query = x.requests().get(0).query();
    assertThat(query)
        .contains("tweet.fields=created_at%2Cauthor_id%2Cconversation_id")
        .contains("edit_history_tweet_ids")
        .contains("expansions=author_id")
        .contains("max_results=5")
        .doesNotContain("token");
    assertThat(waits).isEmpty();
  }

  @Test
  void sinceIdGivesOnlyNewerMentionsAndAPassStaysStableWhileNewOnesArrive() {
    String first = x.mention(TRUST, "2001", "@nhs_trust one", T0);
    for (int i = 0; i < 6; i++) {
      x.mention(TRUST, "2001", "@nhs_trust later " + i, T0.plusSeconds(10 + i));
    }

    XMentionsPage page1 = client.mentions(TRUST, APP, first, null, 5);
    assertThat(page1.posts()).hasSize(5);
    String arrivedMidPass = x.mention(TRUST, "2002", "@nhs_trust newest", T0.plusSeconds(99));
    XMentionsPage page2 = client.mentions(TRUST, APP, first, page1.nextToken(), 5);

    assertThat(page2.posts()).hasSize(1);
    assertThat(page2.nextToken()).isNull();
    assertThat(page2.posts()).extracting(XPost::id).doesNotContain(first, arrivedMidPass);
    assertThat(XIds.compare(page2.oldestId(), first)).isPositive();
    // The next pass, from the newest id of this one, sees exactly the newcomer.
    XMentionsPage next = client.mentions(TRUST, APP, page1.newestId(), null, 5);
    assertThat(next.posts()).extracting(XPost::id).containsExactly(arrivedMidPass);
    XMentionsPage empty = client.mentions(TRUST, APP, arrivedMidPass, null, 5);
    assertThat(empty.posts()).isEmpty();
    assertThat(empty.resultCount()).isZero();
    assertThat(empty.newestId()).isNull();
  }

  @Test
  void anUnknownUserOrAWrongTokenIsPermanentAndNotRetried() {
    assertThatThrownBy(() -> client.mentions("999", APP, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.errorCode()).contains("resource-not-found");
            });
    assertThatThrownBy(() -> client.mentions(TRUST, new XToken("stale"), null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.getMessage()).doesNotContain("stale");
            });
    assertThat(x.requests()).hasSize(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void partialErrorsAreHandedBackAndBrokenPostsOrAnswersAreTyped() {
    String good = x.mention(TRUST, "2001", "@nhs_trust fine", T0);
    String bySuspended = x.mention(TRUST, "2002", "@nhs_trust from a suspended user", T0);
    x.suspend("2002");
    x.corrupt(x.mention(TRUST, "2001", "@nhs_trust broken", T0));

    XMentionsPage page = client.mentions(TRUST, APP, null, null, 10);

    assertThat(page.malformedItems()).isEqualTo(1);
    assertThat(page.posts()).extracting(XPost::id).containsExactly(bySuspended, good);
    assertThat(page.posts().get(0).authorUsername()).isNull();
    assertThat(page.partialErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("resource-not-found");
              assertThat(e.resourceType()).isEqualTo("user");
              assertThat(e.resourceId()).isEqualTo("2002");
            });

    x.failNext(new XFault.MalformedJson());
    assertThatThrownBy(() -> client.mentions(TRUST, APP, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("18600");
            });
  }

  @Test
  void aRateLimitWaitsUntilTheResetAndServerErrorsAreRetried() {
    x.mention(TRUST, "2001", "@nhs_trust hello", T0);
    x.failNext(new XFault.TooManyRequests(40));
    x.failNext(new XFault.ServerError(503));

    assertThat(client.mentions(TRUST, APP, null, null, 10).posts()).hasSize(1);

    assertThat(x.requests())
        .extracting(FakeX.RecordedRequest::status)
        .containsExactly(429, 503, 200);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(40));
    assertThat(waits).hasSize(2);
  }

  @Test
  void aSpentWindowStopsCallsUntilItsResetWithoutSpendingARequest() {
    x.limits(2, 2);
    x.mention(TRUST, "2001", "@nhs_trust hello", T0);
    client.mentions(TRUST, APP, null, null, 10);
    client.mentions(TRUST, APP, null, null, 10);
    assertThat(http.headroom()).hasValueSatisfying(h -> assertThat(h.remainingPercent()).isZero());

    assertThatThrownBy(() -> client.mentions(TRUST, APP, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(FakeX.WINDOW);
            });
    assertThat(x.requests()).hasSize(2);
    // Other endpoints have their own windows.
    assertThat(client.directMessages(TRUST, USER, null, 50).messages()).isEmpty();

    clock.step(FakeX.WINDOW);
    assertThat(client.mentions(TRUST, APP, null, null, 10).posts()).hasSize(1);
    assertThat(http.headroom())
        .hasValueSatisfying(h -> assertThat(h.remainingPercent()).isEqualTo(50.0));
  }

  @Test
  void directMessagesNeedTheAccountsUserTokenAndDmAccess() {
    String older = x.directMessage(TRUST, "2001", "my appointment letter", T0);
    String newer = x.directMessage(TRUST, "2002", "parking question", T0.plusSeconds(5));
    x.directMessage(TRUST, "2001", "too old", clock.instant().minus(Duration.ofDays(31)));

    XDirectMessagePage first = client.directMessages(TRUST, USER, null, 1);
    XDirectMessagePage second = client.directMessages(TRUST, USER, first.nextToken(), 1);

    assertThat(first.messages()).extracting(XDirectMessage::id).containsExactly(newer);
    assertThat(second.messages()).extracting(XDirectMessage::id).containsExactly(older);
    assertThat(second.nextToken()).isNull();
    XDirectMessage message = second.messages().get(0);
    assertThat(message.text()).isEqualTo("my appointment letter");
    assertThat(message.senderId()).isEqualTo("2001");
    assertThat(message.conversationId()).isEqualTo("1001-2001");
    assertThat(message.createdAt()).isEqualTo(T0);
    assertThat(x.requests().get(0).query())
        .contains("event_types=MessageCreate")
        .contains("dm_event.fields=id%2Ctext%2Cevent_type%2Ccreated_at%2Csender_id");

    assertThatThrownBy(() -> client.directMessages(TRUST, APP, null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.errorCode()).contains("unsupported-authentication");
            });
    x.addAccount("1002", "nhs_other", "other-token", false);
    assertThatThrownBy(() -> client.directMessages("1002", new XToken("other-token"), null, 50))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.errorCode()).contains("client-forbidden"));
    assertThat(x.requests()).hasSize(4);
    assertThat(waits).isEmpty();
  }

  /** A clock that moves only when told; the test's sleeper steps it by each wait. */
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
