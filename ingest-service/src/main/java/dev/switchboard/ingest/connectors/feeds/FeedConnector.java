package dev.switchboard.ingest.connectors.feeds;

import dev.switchboard.channels.feeds.FeedClient;
import dev.switchboard.channels.feeds.FeedDocument;
import dev.switchboard.channels.feeds.FeedItem;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one RSS or Atom feed with a conditional GET. A new item identity gives CREATED, a known one
 * whose content fingerprint changed gives EDITED. Items are published in chunks; after each, Kafka
 * acknowledges the events <em>before</em> the cursor records them as seen, so a restart neither
 * loses nor repeats an item. The document's {@code ETag}/{@code Last-Modified} are stored only once
 * all its items are published, so a restart mid-document fetches it again in full.
 */
public final class FeedConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(FeedConnector.class);

  /**
   * How a connector behaves.
   *
   * @param chunkSize items published between two cursor writes
   * @param pollInterval the wait between passes
   * @param ackTimeout how long to wait for Kafka to acknowledge a chunk's events
   */
  public record Settings(int chunkSize, Duration pollInterval, Duration ackTimeout) {}

  private final String id;
  private final String name;
  private final String pathAndQuery;
  private final FeedClient client;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private final AcknowledgedWrites writes;
  private FeedCursor cursor;

  /**
   * A connector with id {@code rss:<name>} for the feed at {@code pathAndQuery}; reads its cursor.
   */
  public FeedConnector(
      String name,
      String pathAndQuery,
      FeedClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "rss:" + name;
    this.name = name;
    this.pathAndQuery = pathAndQuery;
    this.client = client;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, settings.ackTimeout());
    this.cursor = cursors.read(id).flatMap(FeedCursor::decode).orElse(FeedCursor.START);
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public FeedCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /** One pass, stopping after {@code maxChunks} chunks (the rest wait for the next pass). */
  public PollOutcome poll(int maxChunks) {
    int published = 0;
    try {
      Instant now = clock.instant();
      FeedDocument document = client.fetch(pathAndQuery, cursor.etag(), cursor.lastModified());
      if (document.notModified()) {
        listener.succeeded(id, now);
        return new PollOutcome(0, true, settings.pollInterval());
      }
      if (document.malformedItems() > 0) {
        listener.malformed(id, document.malformedItems());
        LOG.warn(
            "Connector {} skipped {} items without an identity", id, document.malformedItems());
      }
      List<FeedItem> items = document.items();
      int chunks = 0;
      for (int start = 0; start < items.size(); start += settings.chunkSize()) {
        if (chunks == maxChunks) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        published +=
            chunk(items.subList(start, Math.min(items.size(), start + settings.chunkSize())), now);
        chunks++;
      }
      // Only the items still in the feed need remembering: the cursor stays as small as the feed.
      Set<String> present = new HashSet<>();
      items.forEach(i -> present.add(i.identity()));
      Map<String, Integer> kept = new LinkedHashMap<>(cursor.seen());
      kept.keySet().retainAll(present);
      commit(new FeedCursor(document.etag(), document.lastModified(), kept));
      listener.succeeded(id, clock.instant());
      return new PollOutcome(published, true, settings.pollInterval());
    } catch (PlatformException e) {
      listener.failed(id, e.kind().name());
      if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
        listener.malformed(id, 1);
      }
      // The failure's kind and status only: never the feed's content.
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

  private int chunk(List<FeedItem> items, Instant now) throws KafkaNotAcknowledged {
    List<ChannelEvent> events = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>(cursor.seen());
    for (FeedItem item : items) {
      int fingerprint = FeedNormalizer.fingerprint(item);
      Integer before = seen.get(item.identity());
      if (before == null) {
        events.add(FeedNormalizer.event(name, item, EventKind.CREATED, now));
      } else if (before != fingerprint) {
        events.add(FeedNormalizer.event(name, item, EventKind.EDITED, now));
      }
      seen.put(item.identity(), fingerprint);
    }
    writes.publishAll(events);
    if (!seen.equals(cursor.seen())) {
      commit(new FeedCursor(cursor.etag(), cursor.lastModified(), seen));
    }
    return events.size();
  }

  private void commit(FeedCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
