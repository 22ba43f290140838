package dev.switchboard.channels.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.FakeYouTube;
import dev.switchboard.fakes.YouTubeFault;
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

/** The YouTube client over the real micronaut transport against the fake YouTube API. */
class YouTubeClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final String CHANNEL = "UCtrust";
  private static final YouTubeCredential OWNER =
      new YouTubeCredential(YouTubeCredential.Type.OAUTH, "owner-token");
  private static final YouTubeCredential KEY =
      new YouTubeCredential(YouTubeCredential.Type.API_KEY, "api-key");

  private final FakeYouTube youtube =
      FakeYouTube.start().addChannel(CHANNEL, "api-key", "owner-token");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  // 15:00 UTC on 25 November is 07:00 in Los Angeles: 17 hours before the quota resets.
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
  private final PlatformHttp http = http();
  private final YouTubeClient client = new YouTubeClient(http);

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              youtube.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GoogleApiRules("youtube"),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5)),
          waits::add,
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    youtube.close();
  }

  @Test
  void readsEveryReplyOfAThreadWithMoreThanYouTubeEmbeds() {
    String busy = youtube.addComment(CHANNEL, "vid1", "published", "busy", "UCa", "A", T0);
    String quiet = youtube.addComment(CHANNEL, "vid1", "published", "quiet", "UCb", "B", T0);
    List<String> replies = new ArrayList<>();
    int count = FakeYouTube.EMBEDDED_REPLIES + 3;
    for (int i = 0; i < count; i++) {
      replies.add(youtube.addReply(busy, "reply " + i, "UCr" + i, "R", T0.plusSeconds(10L + i)));
    }
    youtube.addReply(quiet, "only one", "UCq", "Q", T0.plusSeconds(5));

    YouTubePage page = client.commentThreads(CHANNEL, "published", OWNER, null, 10);

    List<YouTubeComment> busyThread =
        page.threads().stream().filter(t -> t.get(0).id().equals(busy)).findFirst().orElseThrow();
    assertThat(busyThread.subList(1, busyThread.size()))
        .extracting(YouTubeComment::id)
        .containsExactlyInAnyOrderElementsOf(replies);
    assertThat(busyThread.subList(1, busyThread.size()))
        .allSatisfy(r -> assertThat(r.parentId()).isEqualTo(busy));
    // One listing, then the busy thread's replies; the quiet thread's embedded reply is enough.
    assertThat(youtube.requests())
        .extracting(FakeYouTube.RecordedRequest::path)
        .containsExactly("/youtube/v3/commentThreads", "/youtube/v3/comments");
    assertThat(youtube.requests().get(1).query()).contains("parentId=" + busy);
    assertThat(page.malformedItems()).isZero();
  }

  @Test
  void readsEveryThreadAcrossPagesWithRepliesAndTheirParent() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(
          youtube.addComment(
              CHANNEL, "vid1", "published", "comment " + i, "UCa" + i, "A" + i, T0.plusSeconds(i)));
    }
    String reply = youtube.addReply(ids.get(0), "a reply", "UCr", "R", T0.plusSeconds(60));

    List<List<YouTubeComment>> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      YouTubePage page = client.commentThreads(CHANNEL, "published", OWNER, token, 2);
      all.addAll(page.threads());
      token = page.nextPageToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    // Most recently active first: the thread with the new reply leads.
    assertThat(all.get(0)).extracting(YouTubeComment::id).containsExactly(ids.get(0), reply);
    YouTubeComment replied = all.get(0).get(1);
    assertThat(replied.parentId()).isEqualTo(ids.get(0));
    assertThat(replied.threadId()).isEqualTo(ids.get(0));
    assertThat(replied.text()).isEqualTo("a reply");
    YouTubeComment top = all.get(0).get(0);
    assertThat(top.parentId()).isNull();
    assertThat(top.videoId()).isEqualTo("vid1");
    assertThat(top.authorChannelId()).isEqualTo("UCa0");
    assertThat(top.moderationStatus()).isEqualTo("published");
    assertThat(top.raw()).contains("\"totalReplyCount\":1").doesNotContain("a reply");
    assertThat(all).hasSize(5);
    String query = youtube.requests().get(0).query();
    assertThat(query)
        .contains("part=snippet%2Creplies")
        .contains("order=time")
        .contains("textFormat=plainText")
        .contains("moderationStatus=published")
        .doesNotContain("owner-token");
  }

  @Test
  void anEditIsSeenAsOneAndHeldCommentsNeedTheOwnersToken() {
    String held = youtube.addComment(CHANNEL, "vid1", "heldForReview", "first", "UCa", "A", T0);
    youtube.editComment(held, "second", T0.plusSeconds(90));

    YouTubeComment comment =
        client.commentThreads(CHANNEL, "heldForReview", OWNER, null, 20).threads().get(0).get(0);
    assertThat(comment.text()).isEqualTo("second");
    assertThat(comment.edited()).isTrue();
    assertThat(comment.moderationStatus()).isEqualTo("heldForReview");

    assertThatThrownBy(() -> client.commentThreads(CHANNEL, "heldForReview", KEY, null, 20))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.errorCode()).contains("forbidden");
            });
    // The key reads published comments; sent as a header, never in the URL.
    assertThat(client.commentThreads(CHANNEL, "published", KEY, null, 20).threads()).isEmpty();
    assertThat(youtube.requests()).allSatisfy(r -> assertThat(r.query()).doesNotContain("api-key"));
    assertThat(waits).isEmpty();
  }

  @Test
  void aWrongTokenOrAnUnknownChannelIsPermanentAndNotRetried() {
    YouTubeCredential wrong = new YouTubeCredential(YouTubeCredential.Type.OAUTH, "stale");
    assertThatThrownBy(() -> client.commentThreads(CHANNEL, "published", wrong, null, 20))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThatThrownBy(() -> client.commentThreads("UCnobody", "published", OWNER, null, 20))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.errorCode()).contains("channelNotFound");
            });
    assertThat(youtube.requests()).hasSize(2);
  }

  @Test
  void aSpentQuotaIsHandedBackWithTheWaitUntilPacificMidnightWithoutRetrying() {
    youtube.failNext(new YouTubeFault.QuotaExceeded());

    assertThatThrownBy(() -> client.commentThreads(CHANNEL, "published", OWNER, null, 20))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofHours(17));
            });
    assertThat(youtube.requests()).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() {
    youtube.addComment(CHANNEL, "vid1", "published", "hello", "UCa", "A", T0);
    youtube.failNext(new YouTubeFault.TooManyRequests(2));
    youtube.failNext(new YouTubeFault.RateLimitExceeded());

    assertThat(client.commentThreads(CHANNEL, "published", OWNER, null, 20).threads()).hasSize(1);
    assertThat(youtube.requests())
        .extracting(FakeYouTube.RecordedRequest::status)
        .containsExactly(429, 403, 200);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

    youtube.failNext(new YouTubeFault.ServerError(503));
    assertThat(client.commentThreads(CHANNEL, "published", OWNER, null, 20).threads()).hasSize(1);
    assertThat(waits).hasSize(3);
  }

  @Test
  void malformedAnswersAndItemsAreTyped() {
    String good = youtube.addComment(CHANNEL, "vid1", "published", "good", "UCa", "A", T0);
    youtube.corruptThread(
        youtube.addComment(CHANNEL, "vid1", "published", "broken", "UCb", "B", T0.plusSeconds(1)));

    YouTubePage page = client.commentThreads(CHANNEL, "published", OWNER, null, 20);
    assertThat(page.malformedItems()).isEqualTo(1);
    assertThat(page.threads()).hasSize(1);
    assertThat(page.threads().get(0).get(0).id()).isEqualTo(good);

    youtube.failNext(new YouTubeFault.MalformedJson());
    assertThatThrownBy(() -> client.commentThreads(CHANNEL, "published", OWNER, null, 20))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("youtube#commentThr");
            });
  }
}
