package dev.switchboard.ingest.connectors.window;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.ingest.connectors.AcknowledgedWrites;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.KafkaNotAcknowledged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector for a platform that cannot say what changed, only list items by publication date
 * (WordPress and Blogger comments). Each pass reads the whole edit window again and compares each
 * item with what was published ({@link WindowCursor}): unknown → CREATED, changed text → EDITED,
 * content removed (fingerprint 0) → DELETED. After each page, its events are acknowledged by Kafka
 * <em>before</em> the cursor records them; so a restart re-reads the window, publishes what was not
 * yet acknowledged and nothing twice. An item deleted outright simply stops appearing, which such
 * polling cannot tell from "not changed". A subclass only says how to read a pass's pages.
 */
public abstract class WindowedConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(WindowedConnector.class);

  /**
   * How the window moves.
   *
   * @param pollInterval the wait between passes
   * @param editWindow how far back each pass re-reads to catch edits; also the longest an item can
   *     be late (held, then approved) and still be seen
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param startFrom where a connector with no cursor starts (epoch s), null for everything
   */
  public record Window(
      Duration pollInterval, Duration editWindow, Duration ackTimeout, Long startFrom) {}

  /** The pages of one pass, read one request at a time. */
  public interface Pass {

    /** Whether a request is left to make. */
    boolean hasNext();

    /** The next page (one request). */
    Page next() throws PlatformException;
  }

  /**
   * One page of a pass.
   *
   * @param items the items in the platform's documented shape
   * @param malformedItems how many were not, and were skipped
   */
  public record Page(List<Item> items, int malformedItems) {}

  /**
   * One item as read now.
   *
   * @param platformId the platform's id of the item
   * @param writtenAt when it was published (to forget it once outside the window)
   * @param fingerprint {@code Revisions.ofEdit} of its cleaned text, 0 when its content was removed
   * @param event the item's event of a kind, with a revision (0 for CREATED and DELETED)
   */
  public record Item(String platformId, Instant writtenAt, int fingerprint, EventFactory event) {}

  /** Builds an item's event. */
  @FunctionalInterface
  public interface EventFactory {

    /** The event of {@code kind} with {@code revision}, received at {@code now}. */
    ChannelEvent of(EventKind kind, int revision, Instant now);
  }

  private final String id;
  private final ConnectorListener listener;
  private final Window window;
  private final Clock clock;
  private final AcknowledgedWrites writes;
  private WindowCursor cursor;

  /** A connector with {@code id} ({@code <platform>:<name>}); reads its cursor. */
  protected WindowedConnector(
      String id,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Window window,
      Clock clock) {
    this.id = id;
    this.listener = listener;
    this.window = window;
    this.clock = clock;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, window.ackTimeout());
    this.cursor =
        cursors
            .read(id)
            .flatMap(WindowCursor::decode)
            .orElse(WindowCursor.startingAt(window.startFrom()));
  }

  /** A new pass over everything written at or after {@code scanFrom} (null: everything). */
  protected abstract Pass startPass(Instant scanFrom);

  @Override
  public final String id() {
    return id;
  }

  /** The cursor as last written. */
  public final WindowCursor cursor() {
    return cursor;
  }

  @Override
  public final PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /** One pass, stopping after {@code maxPages} requests (a test's "crash" mid-pass). */
  public final PollOutcome poll(int maxPages) {
    Instant passStarted = clock.instant();
    int published = 0;
    int pages = 0;
    try {
      Pass pass = startPass(cursor.scanFrom());
      while (pass.hasNext()) {
        if (pages == maxPages) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        Page page = pass.next();
        pages++;
        published += publish(page);
      }
      closePass(passStarted);
      listener.succeeded(id, clock.instant());
      return new PollOutcome(published, true, window.pollInterval());
    } catch (PlatformException e) {
      listener.failed(id, e.kind().name());
      if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
        listener.malformed(id, 1);
      }
      // The platform's error and code only: never the content.
      LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
      Duration wait =
          e.retryAfter()
              .filter(w -> w.compareTo(window.pollInterval()) > 0)
              .orElse(window.pollInterval());
      return new PollOutcome(published, false, wait);
    } catch (KafkaNotAcknowledged e) {
      listener.failed(id, "KAFKA");
      LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
      return new PollOutcome(published, false, window.pollInterval());
    }
  }

  /** Publishes what is new or changed on the page, then records it; returns the events sent. */
  private int publish(Page page) throws KafkaNotAcknowledged {
    if (page.malformedItems() > 0) {
      listener.malformed(id, page.malformedItems());
      LOG.warn(
          "Connector {} skipped {} items not in the platform's documented shape",
          id,
          page.malformedItems());
    }
    Instant now = clock.instant();
    Map<String, WindowCursor.Seen> seen = new HashMap<>(cursor.seen());
    List<ChannelEvent> events = new ArrayList<>();
    for (Item item : page.items()) {
      WindowCursor.Seen before = seen.get(item.platformId());
      if (before != null && before.fingerprint() == item.fingerprint()) {
        continue;
      }
      if (item.fingerprint() == 0) {
        events.add(item.event().of(EventKind.DELETED, 0, now));
      } else if (before == null) {
        events.add(item.event().of(EventKind.CREATED, 0, now));
      } else {
        events.add(item.event().of(EventKind.EDITED, item.fingerprint(), now));
      }
      seen.put(
          item.platformId(),
          new WindowCursor.Seen(item.fingerprint(), item.writtenAt().getEpochSecond()));
    }
    if (events.isEmpty()) {
      return 0;
    }
    writes.publishAll(events);
    commit(new WindowCursor(cursor.scanFrom(), seen));
    return events.size();
  }

  /**
   * A complete pass moves the window: the next reads from {@code editWindow} before this pass
   * started (never earlier than before), and forgets items older than that.
   */
  private void closePass(Instant passStarted) throws KafkaNotAcknowledged {
    Instant windowStart = passStarted.minus(window.editWindow());
    Instant scanFrom =
        cursor.scanFrom() != null && cursor.scanFrom().isAfter(windowStart)
            ? cursor.scanFrom()
            : windowStart;
    long keepFrom = scanFrom.getEpochSecond() - 1;
    Map<String, WindowCursor.Seen> kept =
        cursor.seen().entrySet().stream()
            .filter(e -> e.getValue().writtenAt() >= keepFrom)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    WindowCursor next = new WindowCursor(scanFrom, kept);
    if (!next.equals(cursor)) {
      commit(next);
    }
  }

  private void commit(WindowCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
