package dev.switchboard.channels.careopinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.CareOpinionFault;
import dev.switchboard.fakes.FakeCareOpinion;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Care Opinion client over the real micronaut transport against the fake Care Opinion API. */
class CareOpinionClientTest {

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final CareOpinionKey KEY = new CareOpinionKey("header-key");
  private static final List<String> TRUST = List.of("RX1");

  private final FakeCareOpinion careOpinion = FakeCareOpinion.start().withKey("header-key");
  private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
  private final List<Duration> limiterWaits = new CopyOnWriteArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  private final PlatformHttp http = http();
  private final CareOpinionClient client =
      new CareOpinionClient(http, new CareOpinionRateLimiter(5, clock, limiterWaits::add));

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              careOpinion.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new CareOpinionRules(),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5)),
          retryWaits::add,
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    careOpinion.close();
  }

  @Test
  void readsTheTrustsStoriesOldestFirstAcrossPagesWithTheKeyInTheHeaderOnly() {
    List<String> ids = new ArrayList<>();
    for (int i = 4; i >= 0; i--) {
      ids.add(
          0,
          careOpinion.addStory(
              "RX1",
              "Story " + i,
              "**Kind** staff " + i,
              "patient",
              "not critical",
              T0.plusSeconds(60L * i)));
    }
    careOpinion.addStory("RYJ", "Elsewhere", "not ours", "carer", "not critical", T0);

    List<CareOpinionStory> all = new ArrayList<>();
    int skip = 0;
    int pages = 0;
    while (skip >= 0) {
      CareOpinionPage<CareOpinionStory> page = client.opinions(KEY, TRUST, null, skip, 2);
      all.addAll(page.items());
      skip = page.nextSkip();
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(all).extracting(CareOpinionStory::id).containsExactlyElementsOf(ids);
    CareOpinionStory first = all.get(0);
    assertThat(first.title()).isEqualTo("Story 0");
    assertThat(first.body()).isEqualTo("**Kind** staff 0");
    assertThat(first.markdown()).isEqualTo("# Story 0\n\n**Kind** staff 0");
    // The fake writes UTC times without an offset, as Care Opinion does.
    assertThat(first.publishedAt()).isEqualTo(T0);
    assertThat(first.submittedAt()).isEqualTo(T0.minus(Duration.ofDays(1)));
    assertThat(first.authorRole()).isEqualTo("patient");
    assertThat(first.criticality()).isEqualTo("not critical");
    assertThat(first.progress()).isEqualTo("not yet read");
    assertThat(first.raw()).contains("\"links\"").contains("\"id\":" + first.id());
    assertThat(careOpinion.requests())
        .allSatisfy(
            r -> {
              assertThat(r.authorized()).isTrue();
              assertThat(r.query()).contains("nacs=RX1").doesNotContain("header-key");
            });
    assertThat(careOpinion.requests().get(1).query()).contains("skip=2").contains("take=2");
  }

  @Test
  void publishedAfterLeavesOutWhatWasAlreadyRead() {
    careOpinion.addStory("RX1", "old", "old story", "patient", "not critical", T0);
    String later =
        careOpinion.addStory(
            "RX1", "new", "new story", "patient", "mildly critical", T0.plusSeconds(5));

    CareOpinionPage<CareOpinionStory> page = client.opinions(KEY, TRUST, T0, 0, 100);

    assertThat(page.items()).extracting(CareOpinionStory::id).containsExactly(later);
    assertThat(page.hasMore()).isFalse();
    assertThat(careOpinion.requests().get(0).query())
        .contains("publishedafter=2026-11-20T09%3A00%3A00Z");
  }

  @Test
  void aWithdrawnStoryIsNotFoundAndResponsesCarryTheirResponder() {
    String id =
        careOpinion.addStory("RX1", "Ward 7", "Lovely nurses", "relative", "not critical", T0);
    String response =
        careOpinion.addResponse(
            id,
            "Thank you for *sharing*",
            "Jo Bloggs",
            "Ward manager",
            "Trust",
            T0.plusSeconds(3600));
    careOpinion.editStory(id, "Ward 7", "Lovely nurses, slow discharge");

    assertThat(client.opinion(KEY, id))
        .get()
        .extracting(CareOpinionStory::body)
        .isEqualTo("Lovely nurses, slow discharge");
    CareOpinionPage<CareOpinionResponse> responses = client.responses(KEY, id);
    assertThat(responses.items()).hasSize(1);
    CareOpinionResponse reply = responses.items().get(0);
    assertThat(reply.id()).isEqualTo(response);
    assertThat(reply.opinionId()).isEqualTo(id);
    assertThat(reply.body()).isEqualTo("Thank you for *sharing*");
    assertThat(reply.responderName()).isEqualTo("Jo Bloggs");
    assertThat(reply.responderRole()).isEqualTo("Ward manager");
    assertThat(reply.organisation()).isEqualTo("Trust");
    assertThat(reply.publishedAt()).isEqualTo(T0.plusSeconds(3600));

    careOpinion.withdraw(id);
    assertThat(client.opinion(KEY, id)).isEmpty();
    assertThat(client.opinions(KEY, TRUST, null, 0, 10).items()).isEmpty();
    // A 404 is an answer, not a failure to retry.
    assertThat(retryWaits).isEmpty();
  }

  @Test
  void aRefusedKeyIsRedirectedToTheLoginPageAndNeverRetried() {
    CareOpinionKey wrong = new CareOpinionKey("wrong");
    assertThatThrownBy(() -> client.opinions(wrong, TRUST, null, 0, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(302);
              assertThat(e.errorCode()).contains(CareOpinionRules.INVALID_KEY);
              assertThat(e.getMessage()).doesNotContain("wrong");
            });
    assertThat(careOpinion.requests()).hasSize(1);
    assertThat(wrong.toString()).doesNotContain("wrong");
  }

  @Test
  void waitsAsLongAsRetryAfterSaysAndRetriesServerErrors() {
    careOpinion.addStory("RX1", "t", "b", "patient", "not critical", T0);
    careOpinion
        .failNext(new CareOpinionFault.TooManyRequests(7))
        .failNext(new CareOpinionFault.ServerError(503));

    assertThat(client.opinions(KEY, TRUST, null, 0, 10).items()).hasSize(1);

    assertThat(careOpinion.requests())
        .extracting(FakeCareOpinion.RecordedRequest::status)
        .containsExactly(429, 503, 200);
    assertThat(retryWaits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(retryWaits).hasSize(2);
  }

  @Test
  void aStormLongerThanTheAttemptsIsARateLimitForTheCaller() {
    for (int i = 0; i < 3; i++) {
      careOpinion.failNext(new CareOpinionFault.TooManyRequests(2));
    }
    assertThatThrownBy(() -> client.opinions(KEY, TRUST, null, 0, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
            });
  }

  @Test
  void unreadableAnswersAreMalformedAndAnUnreadableStoryIsCountedAndLeftOut() {
    String good = careOpinion.addStory("RX1", "fine", "fine", "patient", "not critical", T0);
    String bad =
        careOpinion.addStory("RX1", "bad", "bad", "patient", "not critical", T0.plusSeconds(1));
    careOpinion.corruptStory(bad);
    careOpinion
        .failNext(new CareOpinionFault.MalformedJson())
        .failNext(new CareOpinionFault.NotAList());

    assertThatThrownBy(() -> client.opinions(KEY, TRUST, null, 0, 10))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    assertThatThrownBy(() -> client.opinions(KEY, TRUST, null, 0, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("not a list");
            });
    CareOpinionPage<CareOpinionStory> page = client.opinions(KEY, TRUST, null, 0, 10);
    assertThat(page.items()).extracting(CareOpinionStory::id).containsExactly(good);
    assertThat(page.malformedItems()).isEqualTo(1);
  }

  @Test
  void everyRequestTakesASlotOfFivePerSecond() {
    careOpinion.addStory("RX1", "t", "b", "patient", "not critical", T0);
    for (int i = 0; i < 6; i++) {
      client.opinions(KEY, TRUST, null, 0, 10);
    }
    // On a clock that does not move, the six requests are spaced a fifth of a second apart.
    assertThat(limiterWaits)
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(600),
            Duration.ofMillis(800),
            Duration.ofMillis(1000));
  }
}
