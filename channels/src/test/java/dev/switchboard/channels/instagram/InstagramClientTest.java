package dev.switchboard.channels.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.FakeInstagram;
import dev.switchboard.fakes.InstagramFault;
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

/** The Instagram client over the real micronaut transport against the fake Instagram Graph API. */
class InstagramClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final String IG = "17841400000000001";
  private static final String PAGE = "1100";

  private final FakeInstagram instagram = FakeInstagram.start().addAccount(IG, PAGE, "tok");
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final PlatformHttp http = http();
  private final InstagramClient client = new InstagramClient(http, "v21.0");

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              instagram.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new GraphRules("instagram"),
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
    instagram.close();
  }

  @Test
  void readsEveryMediaNewestFirstAcrossPages() {
    for (int i = 0; i < 5; i++) {
      instagram.addMedia(IG, "caption " + i, T0.plusSeconds(60L * i));
    }
    List<InstagramMedia> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      InstagramPage<InstagramMedia> page = client.media(IG, "tok", after, 2);
      all.addAll(page.items());
      after = page.nextAfter();
      pages++;
    } while (after != null);

    assertThat(pages).isEqualTo(3);
    assertThat(all)
        .extracting(InstagramMedia::caption)
        .containsExactly("caption 4", "caption 3", "caption 2", "caption 1", "caption 0");
    assertThat(all.get(0).timestamp()).isEqualTo(T0.plusSeconds(240));
    assertThat(all.get(0).permalink()).startsWith("https://www.instagram.com/p/");
    assertThat(all.get(0).commentsCount()).isZero();
    String query = instagram.requests().get(0).query();
    assertThat(query)
        .contains("fields=id%2Ccaption%2Cpermalink%2Ctimestamp%2Ccomments_count")
        .doesNotContain("tok");
    assertThat(instagram.requests().get(0).path()).isEqualTo("/v21.0/" + IG + "/media");
  }

  @Test
  void commentsCarryTheirMediaAndRepliesTheirParentAcrossReplyPages() {
    String media = instagram.addMedia(IG, "open day", T0);
    String top = instagram.addComment(media, null, "great day", "u1", "ann", T0.plusSeconds(5));
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      replies.add(
          instagram.addComment(media, top, "reply " + i, "u2", "bob", T0.plusSeconds(9 + i)));
    }
    instagram.hideComment(top, true);
    instagram.setEmbeddedReplies(2);

    InstagramPage<InstagramComment> page = client.comments(media, "tok", null, 25);

    assertThat(page.items())
        .extracting(InstagramComment::id)
        .containsExactly(top, replies.get(0), replies.get(1));
    InstagramComment comment = page.items().get(0);
    assertThat(comment.mediaId()).isEqualTo(media);
    assertThat(comment.parentId()).isNull();
    assertThat(comment.text()).isEqualTo("great day");
    assertThat(comment.username()).isEqualTo("ann");
    assertThat(comment.fromId()).isEqualTo("u1");
    assertThat(comment.hidden()).isTrue();
    assertThat(comment.timestamp()).isEqualTo(T0.plusSeconds(5));
    assertThat(comment.raw()).contains("\"text\":\"great day\"").doesNotContain("reply 0");
    InstagramComment reply = page.items().get(1);
    assertThat(reply.parentId()).isEqualTo(top);
    assertThat(reply.isReply()).isTrue();
    assertThat(page.repliesToFollow()).containsExactly(top);
    assertThat(instagram.requests().get(0).query()).contains("replies%7B");

    List<InstagramComment> all = new ArrayList<>();
    String after = null;
    do {
      InstagramPage<InstagramComment> more = client.replies(top, media, "tok", after, 2);
      all.addAll(more.items());
      after = more.nextAfter();
    } while (after != null);
    assertThat(all).extracting(InstagramComment::id).containsExactlyElementsOf(replies);
    assertThat(all).allSatisfy(r -> assertThat(r.parentId()).isEqualTo(top));
    assertThat(all).allSatisfy(r -> assertThat(r.mediaId()).isEqualTo(media));
  }

  @Test
  void directMessagesComeThroughThePageWithTheOtherPersonAsParticipant() {
    instagram.addMessage(IG, "igsid-9", "carol", false, "when is visiting?", T0);
    instagram.addMessage(IG, "igsid-9", "carol", true, "From 2pm", T0.plusSeconds(30));

    InstagramPage<InstagramMessage> page = client.conversations(PAGE, IG, "tok", null, 25);

    assertThat(page.items()).hasSize(2);
    InstagramMessage answer = page.items().get(0);
    InstagramMessage question = page.items().get(1);
    assertThat(answer.text()).isEqualTo("From 2pm");
    assertThat(answer.fromId()).isEqualTo(IG);
    assertThat(answer.participantId()).isEqualTo("igsid-9");
    assertThat(question.fromUsername()).isEqualTo("carol");
    assertThat(question.participantId()).isEqualTo("igsid-9");
    assertThat(question.conversationId()).isEqualTo(answer.conversationId());
    assertThat(question.conversationUpdated()).isEqualTo(T0.plusSeconds(30));
    assertThat(question.createdTime()).isEqualTo(T0);
    assertThat(instagram.requests().get(0).path()).isEqualTo("/v21.0/" + PAGE + "/conversations");
    assertThat(instagram.requests().get(0).query()).contains("platform=instagram");
  }

  @Test
  void aStaleTokenOrAnUnknownMediaIsPermanentAndNotRetried() {
    assertThatThrownBy(() -> client.media(IG, "stale", null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.platform()).isEqualTo("instagram");
              assertThat(e.errorCode()).contains("190/463");
            });
    assertThatThrownBy(() -> client.comments("404404", "tok", null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.errorCode()).contains("100/33"));
    assertThat(instagram.requests()).hasSize(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void throttlingAndServerErrorsAreRetriedHonouringRetryAfterAndUsageIsHeadroom() {
    instagram.addMedia(IG, "m", T0);
    instagram.setUsagePercent(70);
    instagram.failNext(new InstagramFault.TooManyRequests(3));
    instagram.failNext(new InstagramFault.GraphRateLimit(4, 0));

    assertThat(client.media(IG, "tok", null, 25).items()).hasSize(1);
    instagram.failNext(new InstagramFault.ServerError(503));
    assertThat(client.media(IG, "tok", null, 25).items()).hasSize(1);

    assertThat(instagram.requests())
        .extracting(FakeInstagram.RecordedRequest::status)
        .containsExactly(429, 400, 200, 503, 200);
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(http.headroom())
        .hasValueSatisfying(h -> assertThat(h.remainingPercent()).isEqualTo(30));
  }

  @Test
  void aBusinessUseCaseLimitLongerThanWeHoldACallerIsHandedBack() {
    instagram.failNext(new InstagramFault.GraphRateLimit(80002, 30));

    assertThatThrownBy(() -> client.media(IG, "tok", null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofMinutes(30));
            });
    assertThat(instagram.requests()).hasSize(1);
  }

  @Test
  void malformedAnswersAndItemsAreTypedAndNeverQuoteContent() {
    String media = instagram.addMedia(IG, "m", T0);
    String good = instagram.addComment(media, null, "fine", "u1", "ann", T0);
    instagram.corruptComment(instagram.addComment(media, null, "broken", "u2", "bob", T0));

    InstagramPage<InstagramComment> page = client.comments(media, "tok", null, 25);
    assertThat(page.malformedItems()).isEqualTo(1);
    assertThat(page.items()).extracting(InstagramComment::id).containsExactly(good);

    instagram.failNext(new InstagramFault.MalformedJson());
    assertThatThrownBy(() -> client.comments(media, "tok", null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("unterminated");
            });
    instagram.failNext(new InstagramFault.MissingData());
    assertThatThrownBy(() -> client.media(IG, "tok", null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }
}
