package dev.switchboard.channels.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformRules;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.http.SteppedClock;
import dev.switchboard.channels.youtube.YouTubeClient;
import dev.switchboard.channels.youtube.YouTubeCredential;
import dev.switchboard.fakes.FakeOAuthServer;
import dev.switchboard.fakes.FakeYouTube;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshingAccessTokenTest {

  private static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final FakeOAuthServer oauth =
      FakeOAuthServer.start()
          .addClient("client-1", "secret-1")
          .addRefreshToken("1//refresh-a", "client-1");
  private final SteppedClock clock = new SteppedClock(T0);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final PlatformHttp tokenEndpoint = http(oauth.baseUrl(), new OAuthRules("google-oauth"));

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    oauth.close();
  }

  @Test
  void fetchesOnFirstUseAndKeepsTheTokenUntilAMinuteBeforeItExpires() {
    RefreshingAccessToken token = token("1//refresh-a");

    String first = token.value();
    assertThat(first).startsWith("ya29.fake-");
    clock.step(Duration.ofMinutes(58));
    assertThat(token.value()).isEqualTo(first);
    assertThat(oauth.requests()).hasSize(1);

    clock.step(Duration.ofMinutes(1));
    String second = token.value();
    assertThat(second).isNotEqualTo(first);
    assertThat(oauth.requests())
        .extracting(FakeOAuthServer.RecordedRequest::grantType)
        .containsExactly("refresh_token", "refresh_token");
  }

  @Test
  void aTokenThePlatformRefusesIsRenewedAndTheRequestMadeOnceMore() {
    FakeYouTube youtube = FakeYouTube.start().addChannel("UCx", "key", "not-yet-issued");
    closeables.add(youtube);
    oauth.onIssue(issued -> youtube.setOwnerToken("UCx", issued));
    youtube.addComment("UCx", "v", "published", "hello", "UCa", "A", T0);
    PlatformHttp api = http(youtube.baseUrl(), new GoogleApiRules("youtube"));
    YouTubeClient client = new YouTubeClient(api);
    YouTubeCredential credential =
        new YouTubeCredential(YouTubeCredential.Type.OAUTH, token("1//refresh-a"));

    assertThat(client.commentThreads("UCx", "published", credential, null, 10).threads())
        .hasSize(1);
    // The platform stops accepting the token before its stated expiry (revoked, clock skew).
    youtube.setOwnerToken("UCx", "someone-else");
    assertThat(client.commentThreads("UCx", "published", credential, null, 10).threads())
        .hasSize(1);

    assertThat(youtube.requests())
        .extracting(FakeYouTube.RecordedRequest::status)
        .containsExactly(200, 401, 200);
    assertThat(oauth.requests()).hasSize(2);
  }

  @Test
  void aFixedTokenIsNotRetriedOnA401() {
    FakeYouTube youtube = FakeYouTube.start().addChannel("UCx", "key", "good");
    closeables.add(youtube);
    YouTubeClient client =
        new YouTubeClient(http(youtube.baseUrl(), new GoogleApiRules("youtube")));

    assertThatThrownBy(
            () ->
                client.commentThreads(
                    "UCx",
                    "published",
                    new YouTubeCredential(YouTubeCredential.Type.OAUTH, "stale"),
                    null,
                    10))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(youtube.requests()).hasSize(1);
  }

  @Test
  void aRevokedRefreshTokenFailsPermanentlyAtOnceAndSaysWhy() {
    oauth.revoke("1//refresh-a");

    assertThatThrownBy(() -> token("1//refresh-a").value())
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.errorCode()).contains("invalid_grant");
              assertThat(e.getMessage()).doesNotContain("1//refresh-a").doesNotContain("secret-1");
            });
    assertThat(oauth.requests()).hasSize(1);
  }

  @Test
  void aWrongClientSecretIsPermanentToo() {
    RefreshingAccessToken token =
        new RefreshingAccessToken(
            tokenEndpoint,
            "/token",
            new RefreshCredentials("client-1", "wrong", "1//refresh-a"),
            clock,
            MARGIN);

    assertThatThrownBy(token::value)
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.errorCode()).contains("invalid_client"));
  }

  @Test
  void aBusyTokenEndpointIsRetriedWithBackoff() {
    oauth.failNext(503).failNext(429);

    assertThat(token("1//refresh-a").value()).startsWith("ya29.fake-");

    assertThat(oauth.requests())
        .extracting(FakeOAuthServer.RecordedRequest::status)
        .containsExactly(503, 429, 200);
    assertThat(waits).hasSize(2);
    assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRotatedRefreshTokenIsTheOneUsedNext() {
    oauth.rotateRefreshTokens(true).expiresIn(Duration.ofMinutes(30));
    RefreshingAccessToken token = token("1//refresh-a");

    String first = token.value();
    clock.step(Duration.ofMinutes(29));
    String second = token.value();
    clock.step(Duration.ofMinutes(29));
    String third = token.value();

    // The fake revokes each refresh token once used: a third token means the rotated one was sent.
    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    assertThat(oauth.requests())
        .extracting(FakeOAuthServer.RecordedRequest::status)
        .containsExactly(200, 200, 200);
  }

  @Test
  void neverShowsItsSecretsWhenPrinted() {
    RefreshCredentials credentials = new RefreshCredentials("client-1", "secret-1", "1//r");
    assertThat(credentials.toString()).doesNotContain("secret-1").doesNotContain("1//r");
    assertThat(token("1//refresh-a").toString()).doesNotContain("refresh-a");
    assertThat(AccessToken.fixed("abc").toString()).doesNotContain("abc");
  }

  private RefreshingAccessToken token(String refreshToken) {
    return new RefreshingAccessToken(
        tokenEndpoint,
        "/token",
        new RefreshCredentials("client-1", "secret-1", refreshToken),
        clock,
        MARGIN);
  }

  private PlatformHttp http(URI base, PlatformRules rules) {
    try {
      PlatformHttp http =
          new PlatformHttp(
              new MicronautTransport(base.toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
              rules,
              ResilienceSettings.defaults()
                  .withRetry(
                      3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(5)),
              waits::add,
              clock);
      closeables.add(http);
      return http;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
