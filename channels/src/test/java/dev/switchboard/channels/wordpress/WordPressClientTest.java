package dev.switchboard.channels.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.FakeWordPress;
import dev.switchboard.fakes.WordPressFault;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WordPress client over the real micronaut transport against the fake WordPress. */
class WordPressClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private final FakeWordPress wp = FakeWordPress.start().addBlog("news", "comms", "abcd efgh");
  private final Stepped clock = new Stepped(T0);
  private final List<Duration> waits = new ArrayList<>();
  private final PlatformHttp http =
      new PlatformHttp(
          new MicronautTransport(host(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new WordPressRules(),
          ResilienceSettings.defaults()
              .withRetry(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30)),
          duration -> {
            // Waits are recorded and the clock stepped: the test never sleeps.
            waits.add(duration);
            clock.step(duration);
          },
          clock);
  private final WordPressClient client = new WordPressClient(http, "/news", "comms", "abcd efgh");

  @AfterEach
  void stop() throws Exception {
    http.close();
    wp.close();
  }

  @Test
  void readsEveryCommentOfAStatusAcrossPagesOldestFirstWithBasicAuth() {
    for (int i = 0; i < 5; i++) {
      wp.addComment(
          "news",
          7,
          0,
          "Visitor " + i,
          null,
          "<p>comment " + i + "</p>",
          T0.plusSeconds(60L * i),
          "hold");
    }
    wp.addComment("news", 7, 0, "V", null, "<p>approved</p>", T0, "approve");

    List<WordPressComment> all = new ArrayList<>();
    WordPressPage page;
    int number = 1;
    do {
      page = client.comments("hold", null, number++, 2);
      all.addAll(page.comments());
    } while (page.hasNext());

    assertThat(number - 1).isEqualTo(3);
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.totalPages()).isEqualTo(3);
    assertThat(all)
        .extracting(WordPressComment::contentHtml)
        .containsExactly(
            "<p>comment 0</p>",
            "<p>comment 1</p>",
            "<p>comment 2</p>",
            "<p>comment 3</p>",
            "<p>comment 4</p>");
    WordPressComment first = all.get(0);
    assertThat(first.status()).isEqualTo("hold");
    assertThat(first.postId()).isEqualTo("7");
    assertThat(first.parentId()).isNull();
    assertThat(first.authorUserId()).isNull();
    assertThat(first.dateGmt()).isEqualTo(T0);
    assertThat(first.raw()).contains("\"date_gmt\":\"2026-11-25T09:00:00\"");
    FakeWordPress.RecordedRequest request = wp.requests("news").get(0);
    assertThat(request.authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("comms:abcd efgh".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.query())
        .contains("status=hold", "orderby=date_gmt", "order=asc", "per_page=2", "page=1")
        .doesNotContain("abcd");
  }

  @Test
  void afterIsExclusiveAndRepliesCarryTheirParent() {
    long top = wp.addComment("news", 7, 0, "A", null, "top", T0, "approve");
    long reply = wp.addComment("news", 7, top, "B", null, "reply", T0.plusSeconds(5), "approve");

    WordPressPage page = client.comments("approve", T0, 1, 10);

    assertThat(page.comments()).extracting(WordPressComment::id).containsExactly("" + reply);
    assertThat(page.comments().get(0).parentId()).isEqualTo("" + top);
    assertThat(wp.requests("news").get(0).query()).contains("after=2026-11-25T09%3A00%3A00Z");
  }

  @Test
  void aWrongPasswordIsAPermanentErrorWithWordPressCodeAndIsNotRetried() {
    WordPressClient wrong = new WordPressClient(http, "/news", "comms", "guess");

    assertThatThrownBy(() -> wrong.comments("hold", null, 1, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.errorCode()).contains("incorrect_password");
            });
    assertThat(wp.requests("news")).hasSize(1);
  }

  @Test
  void anonymousReadsOfHeldCommentsAreRefused() {
    WordPressClient anonymous = new WordPressClient(http, "/news", null, null);

    assertThatThrownBy(() -> anonymous.comments("hold", null, 1, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.errorCode()).contains("rest_forbidden_param");
            });
  }

  @Test
  void rateLimitsAndServerErrorsAreWaitedOutHonouringRetryAfter() {
    wp.addComment("news", 7, 0, "A", null, "still here", T0, "spam");
    wp.failNext("news", 1, new WordPressFault.TooManyRequests(7));
    wp.failNext("news", 1, new WordPressFault.ServerError(503));

    WordPressPage page = client.comments("spam", null, 1, 10);

    assertThat(page.comments()).extracting(WordPressComment::status).containsExactly("spam");
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(waits.get(1)).isLessThan(Duration.ofSeconds(1));
    assertThat(clock.instant()).isAfterOrEqualTo(T0.plusSeconds(7));
    assertThat(wp.requests("news"))
        .extracting(FakeWordPress.RecordedRequest::status)
        .containsExactly(429, 503, 200);
  }

  @Test
  void aRetryAfterLongerThanAllowedComesBackToTheCallerAsRateLimited() {
    wp.failNext("news", 1, new WordPressFault.TooManyRequests(600));

    assertThatThrownBy(() -> client.comments("approve", null, 1, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
            });
    assertThat(waits).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIsMalformedAndABrokenCommentIsCountedAndLeftOut() {
    long good = wp.addComment("news", 7, 0, "A", null, "good", T0, "approve");
    wp.corruptComment("news", wp.addComment("news", 7, 0, "B", null, "bad", T0, "approve"));
    wp.failNext("news", 1, new WordPressFault.MalformedJson());

    assertThatThrownBy(() -> client.comments("approve", null, 1, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.MALFORMED_RESPONSE));
    WordPressPage page = client.comments("approve", null, 1, 10);

    assertThat(page.comments()).extracting(WordPressComment::id).containsExactly("" + good);
    assertThat(page.malformedItems()).isEqualTo(1);
  }

  @Test
  void aPageBeyondTheEndAfterDeletionsIsAnEmptyLastPage() {
    long a = wp.addComment("news", 7, 0, "A", null, "a", T0, "approve");
    wp.addComment("news", 7, 0, "B", null, "b", T0.plusSeconds(1), "approve");
    wp.addComment("news", 7, 0, "C", null, "c", T0.plusSeconds(2), "approve");
    assertThat(client.comments("approve", null, 1, 2).hasNext()).isTrue();
    wp.deleteComment("news", a);

    WordPressPage second = client.comments("approve", null, 2, 2);

    assertThat(second.comments()).isEmpty();
    assertThat(second.hasNext()).isFalse();
  }

  private URL host() {
    try {
      URI base = wp.baseUrl("news");
      return URI.create(base.getScheme() + "://" + base.getAuthority()).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock that moves only when the sleeper steps it. */
  private static final class Stepped extends Clock {
    private Instant now;

    Stepped(Instant start) {
      now = start;
    }

    void step(Duration d) {
      now = now.plus(d);
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
