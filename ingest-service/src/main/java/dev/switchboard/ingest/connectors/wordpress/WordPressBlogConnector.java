package dev.switchboard.ingest.connectors.wordpress;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.wordpress.WordPressClient;
import dev.switchboard.channels.wordpress.WordPressComment;
import dev.switchboard.channels.wordpress.WordPressPage;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.Revisions;
import dev.switchboard.ingest.text.TextCleaner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one WordPress blog's comments, status by status (the REST API takes one per request),
 * oldest first. WordPress gives a comment no modified date, so each pass reads the whole edit
 * window again ({@link Settings#editWindow()}) and compares each comment with what was published
 * ({@link WordPressCursor}): unknown → CREATED, changed text → EDITED. After each page, its events
 * are acknowledged by Kafka <em>before</em> the cursor records them; so a restart re-reads the
 * window, publishes what was not yet acknowledged and nothing twice. A status change alone (held →
 * approved) publishes nothing; a comment deleted for good simply stops appearing, which polling
 * cannot tell from "not changed": no DELETED events come from WordPress.
 */
public final class WordPressBlogConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(WordPressBlogConnector.class);

  /**
   * How a connector behaves.
   *
   * @param statuses the comment statuses polled ({@code approve}, {@code hold}, {@code spam},
   *     {@code trash})
   * @param pageSize comments per request (WordPress allows up to 100)
   * @param pollInterval the wait between passes
   * @param editWindow how far back each pass re-reads to catch edits; also the longest a comment
   *     can be late (held, then approved) and still be seen
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param startFrom where a connector with no cursor starts (epoch s), null for everything
   */
  public record Settings(
      List<String> statuses,
      int pageSize,
      Duration pollInterval,
      Duration editWindow,
      Duration ackTimeout,
      Long startFrom) {

    /** Copies the list. */
    public Settings {
      statuses = List.copyOf(statuses);
    }
  }

  private final String id;
  private final String blogId;
  private final WordPressClient client;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private WordPressCursor cursor;

  /** A connector with id {@code wordpress:<name>} for the blog {@code blogId}; reads its cursor. */
  public WordPressBlogConnector(
      String name,
      String blogId,
      WordPressClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "wordpress:" + name;
    this.blogId = blogId;
    this.client = client;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.cursor =
        cursors
            .read(id)
            .flatMap(WordPressCursor::decode)
            .orElse(WordPressCursor.startingAt(settings.startFrom()));
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public WordPressCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /** One pass, stopping after {@code maxPages} requests (a test's "crash" mid-pass). */
  public PollOutcome poll(int maxPages) {
    Instant passStarted = clock.instant();
    // "after" is exclusive: one second earlier includes comments written exactly at scanFrom.
    Instant after = cursor.scanFrom() == null ? null : cursor.scanFrom().minusSeconds(1);
    int published = 0;
    int pages = 0;
    try {
      for (String status : settings.statuses()) {
        WordPressPage page;
        int number = 1;
        do {
          if (pages == maxPages) {
            return new PollOutcome(published, false, Duration.ZERO);
          }
          page = client.comments(status, after, number++, settings.pageSize());
          pages++;
          published += publishPage(page);
        } while (page.hasNext());
      }
      closePass(passStarted);
      listener.succeeded(id, clock.instant());
      return new PollOutcome(published, true, settings.pollInterval());
    } catch (PlatformException e) {
      listener.failed(id, e.kind().name());
      if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
        listener.malformed(id, 1);
      }
      // The platform's error and code only: never the content.
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

  /** Publishes what is new or changed on the page, then records it; returns the events sent. */
  private int publishPage(WordPressPage page) throws KafkaNotAcknowledged {
    if (page.malformedItems() > 0) {
      listener.malformed(id, page.malformedItems());
      LOG.warn(
          "Connector {} skipped {} comments not in WordPress's documented shape",
          id,
          page.malformedItems());
    }
    Instant now = clock.instant();
    Map<String, WordPressCursor.Seen> seen = new HashMap<>(cursor.seen());
    List<ChannelEvent> events = new ArrayList<>();
    for (WordPressComment comment : page.comments()) {
      String text = TextCleaner.clean(comment.contentHtml());
      int fingerprint = Revisions.ofEdit(text);
      WordPressCursor.Seen before = seen.get(comment.id());
      if (before == null) {
        events.add(WordPressNormalizer.event(blogId, comment, text, EventKind.CREATED, 0, now));
      } else if (before.fingerprint() != fingerprint) {
        events.add(
            WordPressNormalizer.event(blogId, comment, text, EventKind.EDITED, fingerprint, now));
      } else {
        continue;
      }
      seen.put(
          comment.id(), new WordPressCursor.Seen(fingerprint, comment.dateGmt().getEpochSecond()));
    }
    if (events.isEmpty()) {
      return 0;
    }
    publishAll(events);
    commit(new WordPressCursor(cursor.scanFrom(), seen));
    return events.size();
  }

  /**
   * A complete pass moves the window: the next reads from {@code editWindow} before this pass
   * started (never earlier than before), and forgets comments older than that.
   */
  private void closePass(Instant passStarted) throws KafkaNotAcknowledged {
    Instant windowStart = passStarted.minus(settings.editWindow());
    Instant scanFrom =
        cursor.scanFrom() != null && cursor.scanFrom().isAfter(windowStart)
            ? cursor.scanFrom()
            : windowStart;
    long keepFrom = scanFrom.getEpochSecond() - 1;
    Map<String, WordPressCursor.Seen> kept =
        cursor.seen().entrySet().stream()
            .filter(e -> e.getValue().writtenAt() >= keepFrom)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    WordPressCursor next = new WordPressCursor(scanFrom, kept);
    if (!next.equals(cursor)) {
      commit(next);
    }
  }

  private void publishAll(List<ChannelEvent> events) throws KafkaNotAcknowledged {
    List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
    for (ChannelEvent event : events) {
      acks.add(sink.publish(event));
    }
    await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), "events");
    Instant newest =
        events.stream().map(ChannelEvent::createdAt).max(Instant::compareTo).orElseThrow();
    listener.published(id, events.size(), newest);
  }

  private void commit(WordPressCursor next) throws KafkaNotAcknowledged {
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
