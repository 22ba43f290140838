package dev.switchboard.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.FakeFeedServer;
import dev.switchboard.fakes.FeedFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed client over the real micronaut transport against the fake feed server. */
class FeedClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private final FakeFeedServer server = FakeFeedServer.start();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final PlatformHttp http = http();
  private final FeedClient client = new FeedClient(http);

  private PlatformHttp http() {
    try {
      return new PlatformHttp(
          new MicronautTransport(
              server.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofMillis(500)),
          new HttpRules("rss"),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)),
          waits::add,
          Clock.systemUTC());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
  }

  @Test
  void readsRssItemsAndThenAsksConditionally() {
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.addItem(
        "/news.xml",
        "n-1",
        "https://news.example/1",
        "Hospital car park",
        "<p>Fees <b>up</b></p>",
        T0);
    server.addItem(
        "/news.xml", null, "https://news.example/2", "No guid", "plain", T0.plusSeconds(60));

    FeedDocument first = client.fetch("/news.xml", null, null);

    assertThat(first.notModified()).isFalse();
    assertThat(first.items())
        .extracting(FeedItem::identity)
        .containsExactly("https://news.example/2", "n-1");
    FeedItem item = first.items().get(1);
    assertThat(item.link()).isEqualTo("https://news.example/1");
    assertThat(item.title()).isEqualTo("Hospital car park");
    assertThat(item.body()).isEqualTo("<p>Fees <b>up</b></p>");
    assertThat(item.author()).isEqualTo("Reporter");
    assertThat(item.published()).isEqualTo(T0);
    assertThat(item.raw()).contains("\"format\":\"rss\"");
    assertThat(first.etag()).isNotNull();

    FeedDocument second = client.fetch("/news.xml", first.etag(), first.lastModified());
    assertThat(second.notModified()).isTrue();
    assertThat(server.requests().get(1).ifNoneMatch()).isEqualTo(first.etag());
    assertThat(server.requests().get(1).status()).isEqualTo(304);

    FeedDocument byDate = client.fetch("/news.xml", null, first.lastModified());
    assertThat(byDate.notModified()).isTrue();
  }

  @Test
  void readsAtomEntries() {
    server.addFeed("/forum.atom", FakeFeedServer.Format.ATOM);
    server.addItem(
        "/forum.atom",
        "tag:forum,2026:1",
        "https://forum.example/t/1",
        "Ward 7",
        "Lovely &amp; kind staff",
        T0);
    server.editItem("/forum.atom", "tag:forum,2026:1", "Ward 7", "Kind staff", T0.plusSeconds(30));

    FeedItem entry = client.fetch("/forum.atom", null, null).items().get(0);

    assertThat(entry.identity()).isEqualTo("tag:forum,2026:1");
    assertThat(entry.link()).isEqualTo("https://forum.example/t/1");
    assertThat(entry.body()).isEqualTo("Kind staff");
    assertThat(entry.author()).isEqualTo("Poster");
    assertThat(entry.published()).isEqualTo(T0);
    assertThat(entry.updated()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void serverErrorsAndSlowAnswersAreRetriedAndMissingFeedsArePermanent() {
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.failNext(new FeedFault.ServerError(503));
    server.failNext(new FeedFault.Slow(Duration.ofSeconds(2)));

    assertThat(client.fetch("/news.xml", null, null).items()).isEmpty();
    assertThat(waits).hasSize(2);

    assertThatThrownBy(() -> client.fetch("/gone.xml", null, null))
        .isInstanceOfSatisfying(
            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
  }

  @Test
  void malformedXmlIsTyped() {
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.failNext(new FeedFault.MalformedXml());

    assertThatThrownBy(() -> client.fetch("/news.xml", null, null))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("cut");
            });
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    server.addFeed("/news.xml", FakeFeedServer.Format.RSS);
    server.failNext(new FeedFault.ExternalEntity(secret.toUri().toString()));

    assertThatThrownBy(() -> client.fetch("/news.xml", null, null))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
              assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
            });
  }
}
