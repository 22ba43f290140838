package dev.switchboard.ingest.connectors.facebook;

import dev.switchboard.channels.facebook.GraphClient;
import dev.switchboard.channels.facebook.GraphItem;
import dev.switchboard.channels.facebook.GraphPage;
import dev.switchboard.channels.http.PlatformException;
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
 * Polls one Facebook Page: its feed page by page with each post's comments, then its Messenger
 * conversations. After each feed page, every event of it is published and acknowledged by Kafka
 * <em>before</em> the cursor moves past it; so a restart resumes at the first page not fully
 * published, losing nothing, and re-publishes at most one page, harmlessly (ids are deterministic).
 * A broken item is skipped and reported; a broken answer ends the pass without moving the cursor,
 * and the next pass tries again.
 */
public final class FacebookPageConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(FacebookPageConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize items per Graph request (Graph allows up to 100)
   * @param pollInterval the wait between passes
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param startFrom where a connector with no cursor starts (epoch s), null for everything
   */
  public record Settings(
      int pageSize, Duration pollInterval, Duration ackTimeout, Long startFrom) {}

  private final String id;
  private final String pageId;
  private final String token;
  private final GraphClient graph;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private final AcknowledgedWrites writes;
  private FacebookCursor cursor;

  /** A connector with id {@code facebook:<name>} for Page {@code pageId}; reads its cursor now. */
  public FacebookPageConnector(
      String name,
      String pageId,
      String token,
      GraphClient graph,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "facebook:" + name;
    this.pageId = pageId;
    this.token = token;
    this.graph = graph;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, settings.ackTimeout());
    this.cursor =
        cursors
            .read(id)
            .flatMap(FacebookCursor::decode)
            .orElse(FacebookCursor.startingAt(settings.startFrom()));
  }

  @Override
  public String id() {
    return id;
  }

  /** The Page polled. */
  public String pageId() {
    return pageId;
  }

  /** The cursor as last written. */
  public FacebookCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /**
   * One pass, stopping after {@code maxFeedPages} feed pages (the cursor then points at the next
   * one); Messenger is read only when the feed pass completed.
   */
  public PollOutcome poll(int maxFeedPages) {
    int published = 0;
    try {
      int pages = 0;
      boolean feedDone = false;
      while (!feedDone) {
        if (pages == maxFeedPages) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        published += feedPage();
        pages++;
        feedDone = cursor.postsAfter() == null;
      }
      published += messages();
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

  /** Reads, publishes and commits one feed page; returns the events published. */
  private int feedPage() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    GraphPage page =
        graph.feed(pageId, token, cursor.postsSince(), cursor.postsAfter(), settings.pageSize());
    List<ChannelEvent> events = new ArrayList<>();
    int malformed = page.malformedItems();
    long newest = cursor.pendingSince() != null ? cursor.pendingSince() : Long.MIN_VALUE;
    for (GraphItem post : page.items()) {
      events.addAll(FacebookNormalizer.fromPoll(pageId, post, now));
      newest = Math.max(newest, post.createdTime().getEpochSecond());
      String after = null;
      do {
        GraphPage comments = graph.comments(post.id(), token, after, settings.pageSize());
        malformed += comments.malformedItems();
        for (GraphItem comment : comments.items()) {
          events.addAll(FacebookNormalizer.fromPoll(pageId, comment, now));
        }
        after = comments.hasNext() ? comments.after() : null;
      } while (after != null);
    }
    if (malformed > 0) {
      listener.malformed(id, malformed);
      LOG.warn("Connector {} skipped {} items not in Graph's documented shape", id, malformed);
    }
    writes.publishAll(events);
    Long pending = newest == Long.MIN_VALUE ? null : newest;
    FacebookCursor next;
    if (page.hasNext() && page.after() != null) {
      next = new FacebookCursor(cursor.postsSince(), page.after(), pending, cursor.messagesSince());
    } else {
      // Pass complete: the next starts just after the newest post seen (since is inclusive).
      Long since = pending == null ? cursor.postsSince() : Long.valueOf(pending + 1);
      next = new FacebookCursor(since, null, null, cursor.messagesSince());
    }
    commit(next);
    return events.size();
  }

  /** Reads Messenger conversations active since the cursor; returns the events published. */
  private int messages() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    Long since = cursor.messagesSince();
    List<ChannelEvent> events = new ArrayList<>();
    long newest = since == null ? Long.MIN_VALUE : since - 1;
    int malformed = 0;
    String after = null;
    boolean older = false;
    do {
      GraphPage page =
          graph.conversations(
              pageId,
              token,
              after,
              settings.pageSize(),
              since == null ? null : Instant.ofEpochSecond(since));
      malformed += page.malformedItems();
      for (GraphItem message : page.items()) {
        // Conversations come most recently active first: past the cursor, nothing newer follows.
        if (since != null && message.updatedTime().getEpochSecond() < since) {
          older = true;
          continue;
        }
        if (since == null || message.createdTime().getEpochSecond() >= since) {
          events.addAll(FacebookNormalizer.fromPoll(pageId, message, now));
          newest = Math.max(newest, message.createdTime().getEpochSecond());
        }
      }
      after = page.hasNext() && !older ? page.after() : null;
    } while (after != null);
    if (malformed > 0) {
      listener.malformed(id, malformed);
    }
    writes.publishAll(events);
    if (newest != Long.MIN_VALUE) {
      commit(
          new FacebookCursor(
              cursor.postsSince(), cursor.postsAfter(), cursor.pendingSince(), newest + 1));
    }
    return events.size();
  }

  private void commit(FacebookCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
