package dev.switchboard.ingest.connectors.youtube;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.youtube.YouTubeClient;
import dev.switchboard.channels.youtube.YouTubeComment;
import dev.switchboard.channels.youtube.YouTubeCredential;
import dev.switchboard.channels.youtube.YouTubePage;
import dev.switchboard.contracts.ChannelEvent;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one YouTube channel's comment threads, one moderation status after the other, most recently
 * active first, until it meets a thread no newer than its cursor. After each page, the page's
 * events are published and acknowledged by Kafka <em>before</em> the cursor moves past it, so a
 * restart resumes at the first page not fully published, losing and repeating nothing. A spent
 * quota or a rate limit ends the pass and the next waits as long as YouTube asked (a spent quota:
 * until midnight Pacific time); a broken thread is skipped and reported; a broken answer or a
 * permanent refusal ends that status's pass without moving its cursor, and the other statuses go
 * on.
 */
public final class YouTubeChannelConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(YouTubeChannelConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize threads per request (YouTube allows up to 100)
   * @param pollInterval the wait between passes
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param statuses the moderation statuses polled, in order
   */
  public record Settings(
      int pageSize, Duration pollInterval, Duration ackTimeout, List<String> statuses) {

    /** Copies the list. */
    public Settings {
      statuses = List.copyOf(statuses);
    }
  }

  private final String id;
  private final String channelId;
  private final YouTubeCredential credential;
  private final YouTubeClient client;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private final AcknowledgedWrites writes;
  private YouTubeCursor cursor;

  /** A connector with id {@code youtube:<name>} for {@code channelId}; reads its cursor now. */
  public YouTubeChannelConnector(
      String name,
      String channelId,
      YouTubeCredential credential,
      YouTubeClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "youtube:" + name;
    this.channelId = channelId;
    this.credential = credential;
    this.client = client;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, settings.ackTimeout());
    this.cursor =
        cursors
            .read(id)
            .flatMap(YouTubeCursor::decode)
            .orElse(new YouTubeCursor(java.util.Map.of()));
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public YouTubeCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /**
   * One pass over every status, stopping after {@code maxPages} pages in all (the cursor then
   * points at the next one).
   */
  public PollOutcome poll(int maxPages) {
    int published = 0;
    int pages = 0;
    boolean complete = true;
    try {
      for (String status : settings.statuses()) {
        try {
          do {
            if (pages == maxPages) {
              return new PollOutcome(published, false, Duration.ZERO);
            }
            published += page(status);
            pages++;
          } while (cursor.of(status).pageToken() != null);
        } catch (PlatformException e) {
          if (e.retryable()) {
            throw e;
          }
          // A refusal or a broken answer for this status says nothing about the others.
          complete = false;
          report(e);
        }
      }
      if (complete) {
        listener.succeeded(id, clock.instant());
      }
      return new PollOutcome(published, complete, settings.pollInterval());
    } catch (PlatformException e) {
      report(e);
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

  private void report(PlatformException e) {
    listener.failed(id, e.kind().name());
    if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
      listener.malformed(id, 1);
    }
    // The platform's error and reason only: never the content.
    LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
  }

  /** Reads, publishes and commits one page of {@code status}; returns the events published. */
  private int page(String status) throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    YouTubeCursor.Position position = cursor.of(status);
    Long since = position.since();
    YouTubePage page =
        client.commentThreads(
            channelId, status, credential, position.pageToken(), settings.pageSize());
    List<ChannelEvent> events = new ArrayList<>();
    long newest = position.pending() != null ? position.pending() : Long.MIN_VALUE;
    boolean reachedKnown = false;
    for (List<YouTubeComment> thread : page.threads()) {
      long threadActivity = Long.MIN_VALUE;
      for (YouTubeComment comment : thread) {
        long activity = comment.lastActivity().toEpochMilli();
        threadActivity = Math.max(threadActivity, activity);
        if (since == null || activity > since) {
          boolean created = since == null || comment.publishedAt().toEpochMilli() > since;
          events.addAll(YouTubeNormalizer.events(channelId, comment, created, now));
          newest = Math.max(newest, activity);
        }
      }
      // Threads come most recently active first: past the cursor, nothing newer follows.
      if (since != null && threadActivity <= since) {
        reachedKnown = true;
      }
    }
    if (page.malformedItems() > 0) {
      listener.malformed(id, page.malformedItems());
      LOG.warn(
          "Connector {} skipped {} items not in YouTube's documented shape",
          id,
          page.malformedItems());
    }
    writes.publishAll(events);
    Long pending = newest == Long.MIN_VALUE ? null : newest;
    YouTubeCursor.Position next;
    if (page.nextPageToken() != null && !reachedKnown) {
      next = new YouTubeCursor.Position(since, page.nextPageToken(), pending);
    } else {
      next =
          new YouTubeCursor.Position(
              pending == null ? since : Long.valueOf(Math.max(pending, since == null ? 0 : since)),
              null,
              null);
    }
    commit(cursor.with(status, next));
    return events.size();
  }

  private void commit(YouTubeCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
