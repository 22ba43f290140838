package dev.switchboard.ingest.connectors.careopinion;

import dev.switchboard.channels.careopinion.CareOpinionClient;
import dev.switchboard.channels.careopinion.CareOpinionKey;
import dev.switchboard.channels.careopinion.CareOpinionPage;
import dev.switchboard.channels.careopinion.CareOpinionResponse;
import dev.switchboard.channels.careopinion.CareOpinionStory;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.careopinion.CareOpinionCursor.Known;
import dev.switchboard.ingest.connectors.careopinion.CareOpinionCursor.Pass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one service's Care Opinion stories (one or more ODS codes). Care Opinion lists stories by
 * publication date and says nothing about later edits, new responses or withdrawals, so each pass
 * re-reads every story published inside the re-read window ({@code publishedafter} = the older of
 * now minus the window and the newest story seen, so a long outage skips nothing), oldest first,
 * page by page, with each story's responses: a story or response new to the cursor is CREATED, one
 * whose fingerprint changed is EDITED, a response no longer listed is DELETED, and at the end of
 * the pass a known story the pass did not see is checked on its own and, if Care Opinion answers
 * 404, is DELETED (with its responses). After each page, the page's events are acknowledged by
 * Kafka <em>before</em> the cursor (pass position and fingerprints) is written, so a restart
 * resumes at the first page not fully published, losing and repeating nothing. A rate limit or
 * server trouble ends the pass and the next waits at least as long as Care Opinion asked; an
 * unreadable story or response list is skipped and reported; an unreadable page ends the pass
 * without moving the cursor.
 */
public final class CareOpinionConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(CareOpinionConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize stories per request (1–100)
   * @param pollInterval the wait between passes
   * @param recheckWindow how far back each pass re-reads stories for edits, responses, withdrawals
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param siteUrl the Care Opinion site the events link to
   */
  public record Settings(
      int pageSize,
      Duration pollInterval,
      Duration recheckWindow,
      Duration ackTimeout,
      String siteUrl) {}

  private final String id;
  private final String account;
  private final List<String> odsCodes;
  private final CareOpinionKey key;
  private final CareOpinionClient client;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private CareOpinionCursor cursor;

  /**
   * A connector with id {@code care-opinion:<name>} for {@code odsCodes} (the first is the events'
   * account); reads its cursor now.
   */
  public CareOpinionConnector(
      String name,
      List<String> odsCodes,
      CareOpinionKey key,
      CareOpinionClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    if (odsCodes.isEmpty()) {
      throw new IllegalArgumentException("at least one ODS code is needed");
    }
    this.id = "care-opinion:" + name;
    this.odsCodes = List.copyOf(odsCodes);
    this.account = this.odsCodes.get(0);
    this.key = key;
    this.client = client;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.cursor =
        cursors.read(id).flatMap(CareOpinionCursor::decode).orElse(CareOpinionCursor.START);
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public CareOpinionCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /** One pass, stopping after {@code maxPages} pages (the cursor then points at the next one). */
  public PollOutcome poll(int maxPages) {
    int published = 0;
    int pages = 0;
    try {
      while (true) {
        if (pages == maxPages) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        Pass pass =
            cursor.pass() != null
                ? cursor.pass()
                : new Pass(floor(cursor.highWater()), 0, Set.of());
        CareOpinionPage<CareOpinionStory> page =
            client.opinions(
                key,
                odsCodes,
                Instant.ofEpochMilli(pass.floor()),
                pass.skip(),
                settings.pageSize());
        pages++;
        published += page(pass, page);
        if (cursor.pass() == null) {
          listener.succeeded(id, clock.instant());
          return new PollOutcome(published, true, settings.pollInterval());
        }
      }
    } catch (PlatformException e) {
      listener.failed(id, e.kind().name());
      if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
        listener.malformed(id, 1);
      }
      // The platform's error only: never the content.
      LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
      Duration wait =
          e.retryAfter()
              .filter(w -> w.compareTo(settings.pollInterval()) > 0)
              .orElse(settings.pollInterval());
      return new PollOutcome(published, false, wait);
    } catch (KafkaNotAcknowledged e) {
      listener.failed(id, "KAFKA");
      LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
      return new PollOutcome(published, false, settings.pollInterval());
    }
  }

  /** The {@code publishedafter} of a new pass. */
  private long floor(Long highWater) {
    long window = clock.instant().minus(settings.recheckWindow()).toEpochMilli();
    return highWater == null ? window : Math.min(window, highWater);
  }

  /** Publishes one page's events and commits; at the last page, finishes the pass. */
  private int page(Pass pass, CareOpinionPage<CareOpinionStory> page) throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    Map<String, Known> known = new LinkedHashMap<>(cursor.known());
    Set<String> seen = new HashSet<>(pass.seen());
    List<ChannelEvent> events = new ArrayList<>();
    int malformed = page.malformedItems();
    for (CareOpinionStory story : page.items()) {
      seen.add(story.id());
      Known prior = known.get(story.id());
      String fingerprint =
          digest(story.title(), story.body(), story.criticality(), story.progress());
      if (prior == null) {
        events.add(
            CareOpinionNormalizer.story(
                account, story, EventKind.CREATED, settings.siteUrl(), now));
      } else if (!fingerprint.equals(prior.fingerprint())) {
        events.add(
            CareOpinionNormalizer.story(account, story, EventKind.EDITED, settings.siteUrl(), now));
      }
      Map<String, String> before = prior == null ? Map.of() : prior.responses();
      Map<String, String> after = new LinkedHashMap<>(before);
      Optional<CareOpinionPage<CareOpinionResponse>> responses = responses(story.id());
      if (responses.isPresent()) {
        malformed += responses.get().malformedItems();
        after.clear();
        for (CareOpinionResponse response : responses.get().items()) {
          String responseFingerprint = digest(response.body());
          String was = before.get(response.id());
          if (was == null) {
            events.add(
                CareOpinionNormalizer.reply(
                    account, response, EventKind.CREATED, settings.siteUrl(), now));
          } else if (!was.equals(responseFingerprint)) {
            events.add(
                CareOpinionNormalizer.reply(
                    account, response, EventKind.EDITED, settings.siteUrl(), now));
          }
          after.put(response.id(), responseFingerprint);
        }
        for (String gone : before.keySet()) {
          if (!after.containsKey(gone)) {
            events.add(
                CareOpinionNormalizer.deleted(account, story.id(), gone, settings.siteUrl(), now));
          }
        }
      } else {
        malformed++;
      }
      known.put(story.id(), new Known(story.publishedAt().toEpochMilli(), fingerprint, after));
    }
    if (page.hasMore()) {
      reportMalformed(malformed);
      publishAll(events);
      commit(
          new CareOpinionCursor(
              cursor.highWater(), new Pass(pass.floor(), page.nextSkip(), seen), known));
      return events.size();
    }
    // The last page: a known story inside the window that the pass did not see may be withdrawn.
    for (Map.Entry<String, Known> entry : new ArrayList<>(known.entrySet())) {
      if (entry.getValue().publishedAt() <= pass.floor() || seen.contains(entry.getKey())) {
        continue;
      }
      try {
        if (client.opinion(key, entry.getKey()).isEmpty()) {
          events.add(
              CareOpinionNormalizer.deleted(
                  account, entry.getKey(), null, settings.siteUrl(), now));
          for (String response : entry.getValue().responses().keySet()) {
            events.add(
                CareOpinionNormalizer.deleted(
                    account, entry.getKey(), response, settings.siteUrl(), now));
          }
          known.remove(entry.getKey());
        }
      } catch (PlatformException e) {
        if (e.retryable()) {
          throw e;
        }
        // Unreadable or refused on its own: keep it as known and look again next pass.
        malformed++;
      }
    }
    reportMalformed(malformed);
    publishAll(events);
    Long highWater = cursor.highWater();
    for (Known k : known.values()) {
      highWater = highWater == null ? k.publishedAt() : Math.max(highWater, k.publishedAt());
    }
    // What the next pass will not re-read need not be remembered.
    long nextFloor = floor(highWater);
    known.values().removeIf(k -> k.publishedAt() <= nextFloor);
    commit(new CareOpinionCursor(highWater, null, known));
    return events.size();
  }

  /** The story's responses, or empty when their list is unreadable (counted as malformed). */
  private Optional<CareOpinionPage<CareOpinionResponse>> responses(String opinionId) {
    try {
      return Optional.of(client.responses(key, opinionId));
    } catch (PlatformException e) {
      if (e.retryable()) {
        throw e;
      }
      LOG.warn("Connector {} skipped the responses of one story: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  private void reportMalformed(int count) {
    if (count > 0) {
      listener.malformed(id, count);
      LOG.warn("Connector {} skipped {} items not in Care Opinion's documented shape", id, count);
    }
  }

  private static String digest(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update((part == null ? "\u0001" : part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private void publishAll(List<ChannelEvent> events) throws KafkaNotAcknowledged {
    if (events.isEmpty()) {
      return;
    }
    List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
    for (ChannelEvent event : events) {
      acks.add(sink.publish(event));
    }
    await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), "events");
    Instant newest =
        events.stream()
            .map(ChannelEvent::createdAt)
            .filter(t -> t != null)
            .max(Instant::compareTo)
            // Only deletions: they have no creation time of their own.
            .orElse(clock.instant());
    listener.published(id, events.size(), newest);
  }

  private void commit(CareOpinionCursor next) throws KafkaNotAcknowledged {
    await(cursors.write(id, next.encode()), "cursor");
    cursor = next;
  }

  private void await(CompletableFuture<?> future, String what) throws KafkaNotAcknowledged {
    try {
      future.get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaNotAcknowledged("interrupted waiting for the " + what);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaNotAcknowledged(
          "Kafka did not acknowledge the " + what + ": " + e.getClass().getSimpleName());
    }
  }

  /** Kafka did not acknowledge in time: the cursor stays where it was. */
  static final class KafkaNotAcknowledged extends Exception {
    private static final long serialVersionUID = 1L;

    KafkaNotAcknowledged(String message) {
      super(message);
    }
  }
}
