package dev.switchboard.ingest.connectors.x;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.x.XClient;
import dev.switchboard.channels.x.XDirectMessage;
import dev.switchboard.channels.x.XDirectMessagePage;
import dev.switchboard.channels.x.XIds;
import dev.switchboard.channels.x.XMentionsPage;
import dev.switchboard.channels.x.XPost;
import dev.switchboard.channels.x.XToken;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one X account: its mentions timeline with {@code since_id}, then (when configured) its
 * direct messages. X pages come newest first, so a pass holds its progress in the cursor ({@code
 * next_token} and the newest id seen) and moves {@code since} only once the pass is whole. After
 * each page its events are acknowledged by Kafka <em>before</em> the cursor moves past it, so a
 * restart resumes at the first page not fully published, losing and repeating nothing. A rate limit
 * ends the pass and the next waits until X's window resets; a broken post is skipped and reported;
 * a broken answer or a permanent refusal stops that timeline's pass without moving its cursor. A
 * 403 on direct messages (an app-only token, a plan or token without DM access) turns DMs off for
 * {@code dmRecheck}, reported as {@value #DM_FORBIDDEN} on every pass meanwhile, without a request.
 */
public final class XAccountConnector implements Connector {

  /** The error kind reported while direct messages are refused to the account's token. */
  public static final String DM_FORBIDDEN = "DM_FORBIDDEN";

  private static final Logger LOG = LoggerFactory.getLogger(XAccountConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize mentions per request (5–100)
   * @param dmPageSize DM events per request (1–100)
   * @param directMessages whether the account's direct messages are read
   * @param dmRecheck how long DMs stay off after X refused them
   * @param pollInterval the wait between passes
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   */
  public record Settings(
      int pageSize,
      int dmPageSize,
      boolean directMessages,
      Duration dmRecheck,
      Duration pollInterval,
      Duration ackTimeout) {}

  private final String id;
  private final String userId;
  private final XToken token;
  private final XClient client;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private XCursor cursor;
  private Instant dmOffUntil;

  /** A connector with id {@code x:<name>} for the account {@code userId}; reads its cursor now. */
  public XAccountConnector(
      String name,
      String userId,
      XToken token,
      XClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "x:" + name;
    this.userId = userId;
    this.token = token;
    this.client = client;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.cursor = cursors.read(id).flatMap(XCursor::decode).orElse(XCursor.START);
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public XCursor cursor() {
    return cursor;
  }

  /** Whether direct messages are off now because X refused them. */
  public boolean directMessagesOff() {
    return dmOffUntil != null && clock.instant().isBefore(dmOffUntil);
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /**
   * One pass over the mentions and then the direct messages, stopping after {@code maxPages} pages
   * in all (the cursor then points at the next one).
   */
  public PollOutcome poll(int maxPages) {
    int published = 0;
    int pages = 0;
    boolean complete = true;
    boolean dmRefused = false;
    try {
      try {
        do {
          if (pages == maxPages) {
            return new PollOutcome(published, false, Duration.ZERO);
          }
          published += mentionsPage();
          pages++;
        } while (cursor.mentions().pageToken() != null);
      } catch (PlatformException e) {
        if (e.retryable()) {
          throw e;
        }
        complete = false;
        report(e);
      }
      if (settings.directMessages()) {
        if (directMessagesOff()) {
          dmRefused = true;
        } else {
          try {
            do {
              if (pages == maxPages) {
                return new PollOutcome(published, false, Duration.ZERO);
              }
              published += directMessagesPage();
              pages++;
            } while (cursor.directMessages().pageToken() != null);
            dmOffUntil = null;
          } catch (PlatformException e) {
            if (e.retryable()) {
              throw e;
            }
            if (e.kind() == PlatformException.Kind.PERMANENT && e.httpStatus() == 403) {
              dmRefused = true;
              dmOffUntil = clock.instant().plus(settings.dmRecheck());
              LOG.warn(
                  "Connector {}: X refused the direct messages ({}); they are off until {}, the"
                      + " mentions go on. Give the account's token dm.read (user context) or set"
                      + " direct-messages: false.",
                  id,
                  e.getMessage(),
                  dmOffUntil);
            } else {
              complete = false;
              report(e);
            }
          }
        }
      }
      if (complete) {
        listener.succeeded(id, clock.instant());
      }
      if (dmRefused) {
        // After succeeded(): the health keeps showing why the DMs are not read.
        listener.failed(id, DM_FORBIDDEN);
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
    // The platform's error code and title only: never the content.
    LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
  }

  /** Reads, publishes and commits one page of mentions; returns the events published. */
  private int mentionsPage() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    XCursor.Position position = cursor.mentions();
    String since = position.since();
    XMentionsPage page =
        client.mentions(userId, token, since, position.pageToken(), settings.pageSize());
    List<ChannelEvent> events = new ArrayList<>();
    String newest = position.pending();
    for (XPost post : page.posts()) {
      if (since != null && XIds.compare(post.id(), since) <= 0) {
        continue;
      }
      newest = XIds.newer(newest, post.id());
      boolean originalUnseen =
          post.edit() && (since == null || XIds.compare(post.originalId(), since) > 0);
      events.addAll(XNormalizer.events(userId, post, originalUnseen, now));
    }
    if (page.newestId() != null && XIds.valid(page.newestId())) {
      newest = XIds.newer(newest, page.newestId());
    }
    skipped(page.malformedItems(), page.partialErrors().size());
    publishAll(events);
    XCursor.Position next =
        page.nextToken() != null
            ? new XCursor.Position(since, page.nextToken(), newest)
            : new XCursor.Position(XIds.newer(since, newest), null, null);
    commit(cursor.withMentions(next));
    return events.size();
  }

  /** Reads, publishes and commits one page of direct messages; returns the events published. */
  private int directMessagesPage() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    XCursor.Position position = cursor.directMessages();
    String since = position.since();
    XDirectMessagePage page =
        client.directMessages(userId, token, position.pageToken(), settings.dmPageSize());
    List<ChannelEvent> events = new ArrayList<>();
    String newest = position.pending();
    boolean reachedKnown = false;
    for (XDirectMessage message : page.messages()) {
      newest = XIds.newer(newest, message.id());
      if (since == null || XIds.compare(message.id(), since) > 0) {
        events.add(XNormalizer.event(userId, message, now));
      } else {
        // Newest first: past the cursor, nothing newer follows.
        reachedKnown = true;
      }
    }
    skipped(page.malformedItems(), page.partialErrors().size());
    publishAll(events);
    XCursor.Position next =
        page.nextToken() != null && !reachedKnown
            ? new XCursor.Position(since, page.nextToken(), newest)
            : new XCursor.Position(XIds.newer(since, newest), null, null);
    commit(cursor.withDirectMessages(next));
    return events.size();
  }

  private void skipped(int malformed, int partialErrors) {
    if (malformed + partialErrors > 0) {
      listener.malformed(id, malformed + partialErrors);
      LOG.warn(
          "Connector {}: {} items not in X's documented shape skipped, {} partial errors",
          id,
          malformed,
          partialErrors);
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
        events.stream().map(ChannelEvent::createdAt).max(Instant::compareTo).orElseThrow();
    listener.published(id, events.size(), newest);
  }

  private void commit(XCursor next) throws KafkaNotAcknowledged {
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
