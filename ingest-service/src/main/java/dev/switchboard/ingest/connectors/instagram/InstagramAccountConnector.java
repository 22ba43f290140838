package dev.switchboard.ingest.connectors.instagram;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.instagram.InstagramClient;
import dev.switchboard.channels.instagram.InstagramComment;
import dev.switchboard.channels.instagram.InstagramMedia;
import dev.switchboard.channels.instagram.InstagramMessage;
import dev.switchboard.channels.instagram.InstagramPage;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Instagram business account: its newest {@code maxMedia} media, each one's comments and
 * replies (every page), then, when a linked Page is configured, its direct messages. Per media, the
 * comments not yet published are published as CREATED and those published before but no longer
 * listed as DELETED, all acknowledged by Kafka <em>before</em> the cursor records that media; so a
 * restart re-reads the media list and publishes only what the cursor lacks, losing and repeating
 * nothing. A broken item is skipped and reported (and no deletion is inferred from a media that had
 * one); a broken answer, a refusal or a rate limit ends the pass without moving the cursor past
 * what was published, and the next pass tries again.
 */
public final class InstagramAccountConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(InstagramAccountConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize items per Graph request (up to 100)
   * @param maxMedia how many of the newest media have their comments polled (older ones rely on
   *     webhooks)
   * @param pollInterval the wait between passes
   * @param ackTimeout how long to wait for Kafka to acknowledge a media's events
   */
  public record Settings(int pageSize, int maxMedia, Duration pollInterval, Duration ackTimeout) {}

  private final String id;
  private final String igUserId;
  private final String pageId;
  private final String token;
  private final InstagramClient client;
  private final AcknowledgedWrites writes;
  private final ConnectorListener listener;
  private final Settings settings;
  private final Clock clock;
  private InstagramCursor cursor;

  /**
   * A connector with id {@code instagram:<name>} for the account {@code igUserId}, reading direct
   * messages through the linked Page {@code pageId} (null: no direct messages); reads its cursor.
   */
  public InstagramAccountConnector(
      String name,
      String igUserId,
      String pageId,
      String token,
      InstagramClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "instagram:" + name;
    this.igUserId = igUserId;
    this.pageId = pageId;
    this.token = token;
    this.client = client;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, settings.ackTimeout());
    this.listener = listener;
    this.settings = settings;
    this.clock = clock;
    this.cursor = cursors.read(id).flatMap(InstagramCursor::decode).orElse(InstagramCursor.START);
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public InstagramCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /**
   * One pass, stopping after the comments of {@code maxMediaSteps} media (the cursor has recorded
   * each of them); direct messages are read only when the media pass completed.
   */
  public PollOutcome poll(int maxMediaSteps) {
    int published = 0;
    try {
      List<InstagramMedia> window = window();
      int steps = 0;
      for (InstagramMedia media : window) {
        if (steps == maxMediaSteps) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        published += comments(media);
        steps++;
      }
      InstagramCursor pruned = cursor.retaining(window.stream().map(InstagramMedia::id).toList());
      if (!pruned.equals(cursor)) {
        commit(pruned);
      }
      if (pageId != null) {
        published += messages();
      }
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

  /** The newest {@code maxMedia} media, newest first. */
  private List<InstagramMedia> window() {
    List<InstagramMedia> window = new ArrayList<>();
    int malformed = 0;
    String after = null;
    do {
      int wanted = settings.maxMedia() - window.size();
      InstagramPage<InstagramMedia> page =
          client.media(igUserId, token, after, Math.min(settings.pageSize(), wanted));
      malformed += page.malformedItems();
      for (InstagramMedia media : page.items()) {
        if (window.size() < settings.maxMedia()) {
          window.add(media);
        }
      }
      after = window.size() < settings.maxMedia() ? page.nextAfter() : null;
    } while (after != null);
    reportMalformed(malformed);
    return window;
  }

  /** Reads every comment of {@code media}, publishes what changed, commits; returns the count. */
  private int comments(InstagramMedia media) throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    Map<String, String> known = cursor.commentsOf(media.id());
    Map<String, String> current = new LinkedHashMap<>();
    List<ChannelEvent> events = new ArrayList<>();
    int malformed = 0;
    List<String> follow = new ArrayList<>();
    String after = null;
    do {
      InstagramPage<InstagramComment> page =
          client.comments(media.id(), token, after, settings.pageSize());
      malformed += page.malformedItems();
      collect(page.items(), media, known, current, events, now);
      follow.addAll(page.repliesToFollow());
      after = page.nextAfter();
    } while (after != null);
    for (String parent : follow) {
      String replyAfter = null;
      do {
        InstagramPage<InstagramComment> page =
            client.replies(parent, media.id(), token, replyAfter, settings.pageSize());
        malformed += page.malformedItems();
        collect(page.items(), media, known, current, events, now);
        replyAfter = page.nextAfter();
      } while (replyAfter != null);
    }
    Map<String, String> next = new LinkedHashMap<>(current);
    for (Map.Entry<String, String> gone : known.entrySet()) {
      if (current.containsKey(gone.getKey())) {
        continue;
      }
      if (malformed > 0) {
        // A comment that could not be read is not a deleted one: keep it as known.
        next.put(gone.getKey(), gone.getValue());
      } else {
        String parent = gone.getValue().isEmpty() ? null : gone.getValue();
        events.add(
            InstagramNormalizer.deletedComment(igUserId, media.id(), gone.getKey(), parent, now));
      }
    }
    reportMalformed(malformed);
    publishAll(events);
    if (!next.equals(known) || !cursor.media().containsKey(media.id())) {
      commit(cursor.withMedia(media.id(), next));
    }
    return events.size();
  }

  private void collect(
      List<InstagramComment> comments,
      InstagramMedia media,
      Map<String, String> known,
      Map<String, String> current,
      List<ChannelEvent> events,
      Instant now) {
    for (InstagramComment comment : comments) {
      if (current.containsKey(comment.id())) {
        // The replies edge repeats the embedded first page.
        continue;
      }
      current.put(comment.id(), comment.parentId() == null ? "" : comment.parentId());
      if (!known.containsKey(comment.id())) {
        events.add(InstagramNormalizer.comment(igUserId, comment, media.permalink(), now));
      }
    }
  }

  /** Reads direct messages newer than the cursor; returns the events published. */
  private int messages() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    Long since = cursor.messagesSince();
    Set<String> atSince = cursor.messagesAtSince();
    List<ChannelEvent> events = new ArrayList<>();
    long newest = since == null ? Long.MIN_VALUE : since;
    Set<String> atNewest = new HashSet<>(atSince);
    int malformed = 0;
    String after = null;
    boolean older = false;
    do {
      InstagramPage<InstagramMessage> page =
          client.conversations(pageId, igUserId, token, after, settings.pageSize());
      malformed += page.malformedItems();
      for (InstagramMessage message : page.items()) {
        // Conversations come most recently active first: past the cursor, nothing newer follows.
        if (since != null && message.conversationUpdated().getEpochSecond() < since) {
          older = true;
          continue;
        }
        long created = message.createdTime().getEpochSecond();
        boolean fresh =
            since == null
                || created > since
                || (created == since && !atSince.contains(message.id()));
        if (!fresh) {
          continue;
        }
        events.add(InstagramNormalizer.message(igUserId, message, now));
        if (created > newest) {
          newest = created;
          atNewest = new HashSet<>();
        }
        if (created == newest) {
          atNewest.add(message.id());
        }
      }
      after = older ? null : page.nextAfter();
    } while (after != null);
    reportMalformed(malformed);
    publishAll(events);
    if (!events.isEmpty()) {
      commit(cursor.withMessages(newest, atNewest));
    }
    return events.size();
  }

  private void reportMalformed(int malformed) {
    if (malformed > 0) {
      listener.malformed(id, malformed);
      LOG.warn("Connector {} skipped {} items not in Instagram's documented shape", id, malformed);
    }
  }

  private void publishAll(List<ChannelEvent> events) throws KafkaNotAcknowledged {
    writes.publishAll(events);
  }

  private void commit(InstagramCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
