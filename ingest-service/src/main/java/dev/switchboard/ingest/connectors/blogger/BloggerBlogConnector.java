package dev.switchboard.ingest.connectors.blogger;

import dev.switchboard.channels.blogger.BloggerClient;
import dev.switchboard.channels.blogger.BloggerComment;
import dev.switchboard.channels.blogger.BloggerPage;
import dev.switchboard.channels.http.PlatformException;
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
 * Polls one Blogger blog's comments with {@code comments.listByBlog}, every configured status in
 * one request, newest first, page by page. The API filters by publication date only, so each pass
 * reads the whole edit window again ({@link Settings#editWindow()}) and compares each comment with
 * what was published ({@link BloggerCursor}): unknown → CREATED, changed text → EDITED, content
 * removed (status {@code emptied}) → DELETED. After each page, its events are acknowledged by Kafka
 * <em>before</em> the cursor records them; so a restart re-reads the window, publishes what was not
 * yet acknowledged and nothing twice. A status change alone (pending → live) publishes nothing; a
 * comment deleted outright simply stops appearing, which polling cannot tell from "not changed".
 */
public final class BloggerBlogConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(BloggerBlogConnector.class);

  /**
   * How a connector behaves.
   *
   * @param statuses the comment statuses polled ({@code live}, {@code pending}, {@code spam},
   *     {@code emptied})
   * @param pageSize comments per request ({@code maxResults})
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
  private final BloggerClient client;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private BloggerCursor cursor;

  /** A connector with id {@code blogger:<name>} for the blog {@code blogId}; reads its cursor. */
  public BloggerBlogConnector(
      String name,
      String blogId,
      BloggerClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "blogger:" + name;
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
            .flatMap(BloggerCursor::decode)
            .orElse(BloggerCursor.startingAt(settings.startFrom()));
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public BloggerCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /** One pass, stopping after {@code maxPages} requests (a test's "crash" mid-pass). */
  public PollOutcome poll(int maxPages) {
    Instant passStarted = clock.instant();
    int published = 0;
    int pages = 0;
    try {
      String token = null;
      do {
        if (pages == maxPages) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        BloggerPage page =
            client.comments(
                blogId, settings.statuses(), cursor.scanFrom(), token, settings.pageSize());
        pages++;
        published += publishPage(page);
        token = page.nextPageToken();
      } while (token != null);
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
  private int publishPage(BloggerPage page) throws KafkaNotAcknowledged {
    if (page.malformedItems() > 0) {
      listener.malformed(id, page.malformedItems());
      LOG.warn(
          "Connector {} skipped {} comments not in Blogger's documented shape",
          id,
          page.malformedItems());
    }
    Instant now = clock.instant();
    Map<String, BloggerCursor.Seen> seen = new HashMap<>(cursor.seen());
    List<ChannelEvent> events = new ArrayList<>();
    for (BloggerComment comment : page.comments()) {
      boolean emptied = "emptied".equals(comment.status());
      String text = emptied ? null : TextCleaner.clean(comment.contentHtml());
      // Revisions never gives 0, so 0 can stand for "content removed".
      int fingerprint = emptied ? 0 : Revisions.ofEdit(text);
      BloggerCursor.Seen before = seen.get(comment.id());
      if (before != null && before.fingerprint() == fingerprint) {
        continue;
      }
      if (emptied) {
        events.add(BloggerNormalizer.event(blogId, comment, null, EventKind.DELETED, 0, now));
      } else if (before == null) {
        events.add(BloggerNormalizer.event(blogId, comment, text, EventKind.CREATED, 0, now));
      } else {
        events.add(
            BloggerNormalizer.event(blogId, comment, text, EventKind.EDITED, fingerprint, now));
      }
      seen.put(
          comment.id(), new BloggerCursor.Seen(fingerprint, comment.published().getEpochSecond()));
    }
    if (events.isEmpty()) {
      return 0;
    }
    publishAll(events);
    commit(new BloggerCursor(cursor.scanFrom(), seen));
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
    Map<String, BloggerCursor.Seen> kept =
        cursor.seen().entrySet().stream()
            .filter(e -> e.getValue().writtenAt() >= keepFrom)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    BloggerCursor next = new BloggerCursor(scanFrom, kept);
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

  private void commit(BloggerCursor next) throws KafkaNotAcknowledged {
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
