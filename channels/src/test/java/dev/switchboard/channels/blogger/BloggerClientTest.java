package dev.switchboard.channels.blogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.BloggerFault;
import dev.switchboard.fakes.FakeBlogger;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Blogger client over the real micronaut transport against the fake Blogger API. */
class BloggerClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final List<String> ALL = List.of("live", "pending", "spam", "emptied");
  private final FakeBlogger blogger = FakeBlogger.start().addBlog("55", "oauth-token", "api-key");
  private final Stepped clock = new Stepped(T0);
  private final List<Duration> waits = new ArrayList<>();
  private final PlatformHttp http = http();
  private final BloggerClient client = BloggerClient.withBearerToken(http, "oauth-token");

  @AfterEach
  void stop() throws Exception {
    http.close();
    blogger.close();
  }

  @Test
  void readsEveryStatusAcrossPagesWithTheTokenInTheHeader() {
    for (int i = 0; i < 5; i++) {
      blogger.addComment(
          "55",
          "p1",
          null,
          "U" + i,
          "<b>c" + i + "</b>",
          T0.plusSeconds(i),
          i % 2 == 0 ? "live" : "pending");
    }
    String top = blogger.addComment("55", "p1", null, "A", "top", T0.plusSeconds(10), "spam");
    blogger.addComment("55", "p1", top, "B", "reply", T0.plusSeconds(11), "live");

    List<BloggerComment> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      BloggerPage page = client.comments("55", ALL, T0, token, 3);
      all.addAll(page.comments());
      token = page.nextPageToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(7);
    BloggerComment reply = all.get(0);
    assertThat(reply.inReplyToId()).isEqualTo(top);
    assertThat(reply.postId()).isEqualTo("p1");
    assertThat(reply.authorName()).isEqualTo("B");
    assertThat(reply.published()).isEqualTo(T0.plusSeconds(11));
    assertThat(all).extracting(BloggerComment::status).contains("pending", "spam");
    FakeBlogger.RecordedRequest first = blogger.requests("55").get(0);
    assertThat(first.credential()).isEqualTo("Bearer oauth-token");
    assertThat(first.query())
        .contains("status=live", "status=pending", "startDate=2026-11-25T09%3A00%3A00Z")
        .doesNotContain("oauth-token");
  }

  @Test
  void anApiKeyReadsLiveCommentsAndIsRefusedTheOthers() {
    blogger.addComment("55", "p1", null, "A", "hello", T0, "live");
    BloggerClient withKey = BloggerClient.withApiKey(http, "api-key");

    assertThat(withKey.comments("55", List.of("live"), null, null, 10).comments()).hasSize(1);
    assertThatThrownBy(() -> withKey.comments("55", ALL, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.errorCode()).contains("forbidden");
            });
    assertThat(blogger.requests("55").get(0).query()).doesNotContain("api-key");
  }

  @Test
  void rateLimitReasonsOn403And429AreWaitedOutAndABadTokenIsNotRetried() {
    blogger.addComment("55", "p1", null, "A", "hello", T0, "live");
    blogger.failNext("55", 1, new BloggerFault.RateLimitExceeded("userRateLimitExceeded"));
    blogger.failNext("55", 1, new BloggerFault.TooManyRequests(9));
    blogger.failNext("55", 1, new BloggerFault.ServerError(503));

    assertThat(client.comments("55", ALL, null, null, 10).comments()).hasSize(1);
    assertThat(blogger.requests("55"))
        .extracting(FakeBlogger.RecordedRequest::status)
        .containsExactly(403, 429, 503, 200);
    assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(9));

    BloggerClient wrong = BloggerClient.withBearerToken(http, "expired");
    assertThatThrownBy(() -> wrong.comments("55", ALL, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.errorCode()).contains("authError");
            });
    assertThat(blogger.requests("55")).hasSize(5);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformedAndABrokenCommentIsCounted() {
    blogger.addComment("55", "p1", null, "A", "good", T0, "live");
    blogger.corruptComment("55", blogger.addComment("55", "p1", null, "B", "bad", T0, "live"));
    blogger.failNext("55", 1, new BloggerFault.MalformedJson());

    assertThatThrownBy(() -> client.comments("55", ALL, null, null, 10))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.MALFORMED_RESPONSE));
    BloggerPage page = client.comments("55", ALL, null, null, 10);
    assertThat(page.comments()).extracting(BloggerComment::contentHtml).containsExactly("good");
    assertThat(page.malformedItems()).isEqualTo(1);
  }

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              blogger.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GoogleApiRules("blogger"),
          ResilienceSettings.defaults()
              .withRetry(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30)),
          duration -> {
            // Recorded and stepped: the test never sleeps.
            waits.add(duration);
            clock.step(duration);
          },
          clock);
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
