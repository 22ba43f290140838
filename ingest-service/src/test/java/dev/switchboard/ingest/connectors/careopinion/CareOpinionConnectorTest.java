package dev.switchboard.ingest.connectors.careopinion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.careopinion.CareOpinionClient;
import dev.switchboard.channels.careopinion.CareOpinionKey;
import dev.switchboard.channels.careopinion.CareOpinionRateLimiter;
import dev.switchboard.channels.careopinion.CareOpinionRules;
import dev.switchboard.channels.http.MicronautTransport;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.fakes.CareOpinionFault;
import dev.switchboard.fakes.FakeCareOpinion;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's pass logic on a stepped clock, against the fake, with an in-memory Kafka. */
class CareOpinionConnectorTest {

  /** A clock moved only by the test. */
  private static final class Stepped extends Clock {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

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

  private final Stepped clock = new Stepped();
  private final Instant start = clock.now;
  private final FakeCareOpinion careOpinion = FakeCareOpinion.start().withKey("k");
  private final PlatformHttp http = http();
  private final List<ChannelEvent> published = new ArrayList<>();
  private final Map<String, String> cursors = new HashMap<>();
  private final AtomicInteger malformed = new AtomicInteger();
  private final List<String> failures = new ArrayList<>();
  private boolean kafkaUp = true;

  private final EventSink sink =
      event -> {
        if (!kafkaUp) {
          return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        }
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
              careOpinion.baseUrl().toURL(), Duration.ofSeconds(2), Duration.ofSeconds(2)),
          new CareOpinionRules(),
          ResilienceSettings.defaults()
              .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1)),
          d -> {},
          clock);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private CareOpinionConnector connector() {
    return new CareOpinionConnector(
        "trust",
        List.of("RX1"),
        new CareOpinionKey("k"),
        new CareOpinionClient(http, new CareOpinionRateLimiter(5, clock, d -> {})),
        sink,
        store,
        listener,
        new CareOpinionConnector.Settings(
            2,
            Duration.ofMinutes(15),
            Duration.ofDays(30),
            Duration.ofSeconds(5),
            "https://co.test"),
        clock);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    careOpinion.close();
  }

  @Test
  void nothingIsRememberedWithoutKafkasAcknowledgement() {
    String story =
        careOpinion.addStory("RX1", "t", "b", "patient", "not critical", start.minusSeconds(60));
    kafkaUp = false;

    CareOpinionConnector connector = connector();
    assertThat(connector.poll().complete()).isFalse();
    assertThat(failures).containsExactly("KAFKA");
    assertThat(connector.cursor()).isEqualTo(CareOpinionCursor.START);

    kafkaUp = true;
    assertThat(connector().poll().complete()).isTrue();
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(story);
  }

  @Test
  void theFirstPassReadsTheWindowAndALongOutageSkipsNothing() {
    careOpinion.addStory(
        "RX1", "too old", "b", "patient", "not critical", start.minus(Duration.ofDays(31)));
    String recent =
        careOpinion.addStory(
            "RX1", "recent", "b", "patient", "not critical", start.minus(Duration.ofDays(1)));
    assertThat(connector().poll().complete()).isTrue();
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(recent);

    // Forty days down; a story was published on day one of the outage, now older than the window.
    String during =
        careOpinion.addStory(
            "RX1", "during", "b", "patient", "not critical", start.plus(Duration.ofDays(1)));
    clock.now = start.plus(Duration.ofDays(40));
    CareOpinionConnector connector = connector();
    assertThat(connector.poll().complete()).isTrue();
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(recent, during);
    // Both are now outside the window: forgotten, and not read again.
    assertThat(connector.cursor().known()).isEmpty();
    assertThat(connector.cursor().highWater())
        .isEqualTo(start.plus(Duration.ofDays(1)).toEpochMilli());
    assertThat(connector().poll().events()).isZero();
    assertThat(careOpinion.requests().get(careOpinion.requests().size() - 1).query())
        .contains(
            "publishedafter=" + start.plus(Duration.ofDays(1)).toString().replace(":", "%3A"));
  }

  @Test
  void anUnreadableResponseListIsCountedAndItsResponsesArriveNextPass() {
    String story =
        careOpinion.addStory("RX1", "t", "b", "patient", "not critical", start.minusSeconds(60));
    String response =
        careOpinion.addResponse(story, "thanks", "Jo", "Matron", "Trust", start.minusSeconds(30));
    // The page is answered; its story's response list is not a list.
    careOpinion
        .failNext(new CareOpinionFault.Slow(Duration.ZERO))
        .failNext(new CareOpinionFault.NotAList());

    assertThat(connector().poll().complete()).isTrue();
    assertThat(malformed).hasValue(1);
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(story);

    assertThat(connector().poll().complete()).isTrue();
    assertThat(published).extracting(ChannelEvent::platformId).containsExactly(story, response);
    assertThat(published.get(1).kind()).isEqualTo(EventKind.CREATED);
  }

  @Test
  void anEditedStoryIsOneEditedEventAndAnUnchangedPassPublishesNothing() {
    String story =
        careOpinion.addStory("RX1", "t", "b", "patient", "not critical", start.minusSeconds(60));
    careOpinion.addResponse(story, "first", "Jo", "Matron", "Trust", start.minusSeconds(30));
    assertThat(connector().poll().complete()).isTrue();
    careOpinion.editStory(story, "t", "b, edited");
    assertThat(connector().poll().complete()).isTrue();
    assertThat(published)
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.CREATED, EventKind.EDITED);
    assertThat(published.get(2).text()).isEqualTo("t\n\nb, edited");
    assertThat(connector().poll().events()).isZero();
  }
}
