package dev.switchboard.ingest.connectors.googlereviews;

import dev.switchboard.channels.google.BusinessProfileClient;
import dev.switchboard.channels.google.BusinessReview;
import dev.switchboard.channels.google.ReviewPage;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.ingest.connectors.AcknowledgedWrites;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.KafkaNotAcknowledged;
import dev.switchboard.ingest.connectors.googlereviews.GoogleReviewsCursor.Known;
import dev.switchboard.ingest.connectors.googlereviews.GoogleReviewsCursor.Pass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Business Profile location's reviews, most recently updated first. Each review is
 * compared with what the cursor says was published of it: new → CREATED (and its reply CREATED);
 * other text or stars → EDITED; a reply that appeared, changed or went → the reply's CREATED,
 * EDITED or DELETED. An incremental pass stops at the first review updated before the cursor's
 * {@code since}; every {@code sweepInterval} a sweep lists everything instead, and only a sweep can
 * conclude a deletion: a published review that {@code deletionConfirmations} complete, clean sweeps
 * in a row have not listed is DELETED. A sweep is complete when it reached the last page without
 * error, and clean when no review on it was left out as malformed (a left-out review with a
 * readable id still counts as listed). Two sweeps, not one, because the listing is ordered by
 * update time and offset-paged: a review updated during a sweep moves to the front and can be
 * skipped by that sweep although it exists.
 *
 * <p>After each page its events are acknowledged by Kafka <em>before</em> the cursor (with the
 * page's reviews as known) moves past it, so a restart resumes at the first page not fully
 * published, losing and repeating nothing. A rate limit ends the pass and the next waits as long as
 * Google asked; a broken review is skipped and reported; a broken answer or a refusal ends the pass
 * without moving the cursor, and a refused page token (they do not live for ever) starts the pass
 * again.
 */
public final class GoogleReviewsConnector implements Connector {

  private static final Logger LOG = LoggerFactory.getLogger(GoogleReviewsConnector.class);

  /**
   * How a connector behaves.
   *
   * @param pageSize reviews per request (1–50)
   * @param pollInterval the wait between passes
   * @param sweepInterval how often a pass lists every review (to find deletions)
   * @param deletionConfirmations complete, clean sweeps in a row that must miss a review before it
   *     is DELETED (at least 1)
   * @param ackTimeout how long to wait for Kafka to acknowledge a page's events
   * @param reviewsUrl the public page of the location's reviews, the events' url; null for none
   */
  public record Settings(
      int pageSize,
      Duration pollInterval,
      Duration sweepInterval,
      int deletionConfirmations,
      Duration ackTimeout,
      String reviewsUrl) {

    /** Checks the numbers. */
    public Settings {
      if (pageSize < 1 || pageSize > BusinessProfileClient.MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize must be 1–50");
      }
      if (deletionConfirmations < 1) {
        throw new IllegalArgumentException("deletionConfirmations must be at least 1");
      }
    }
  }

  private final String id;
  private final String accountId;
  private final String locationId;
  private final AccessToken token;
  private final BusinessProfileClient client;
  private final ConnectorListener listener;
  private final AcknowledgedWrites writes;
  private final Settings settings;
  private final Clock clock;
  private GoogleReviewsCursor cursor;

  /** A connector with id {@code google-reviews:<name>} for a location; reads its cursor now. */
  public GoogleReviewsConnector(
      String name,
      String accountId,
      String locationId,
      AccessToken token,
      BusinessProfileClient client,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      Settings settings,
      Clock clock) {
    this.id = "google-reviews:" + name;
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.locationId = Objects.requireNonNull(locationId, "locationId");
    this.token = token;
    this.client = client;
    this.listener = listener;
    this.writes = new AcknowledgedWrites(id, sink, cursors, listener, settings.ackTimeout());
    this.settings = settings;
    this.clock = clock;
    this.cursor =
        cursors.read(id).flatMap(GoogleReviewsCursor::decode).orElse(GoogleReviewsCursor.START);
  }

  @Override
  public String id() {
    return id;
  }

  /** The cursor as last written. */
  public GoogleReviewsCursor cursor() {
    return cursor;
  }

  @Override
  public PollOutcome poll() {
    return poll(Integer.MAX_VALUE);
  }

  /**
   * One pass (or the rest of an unfinished one), stopping after {@code maxPages} pages (the cursor
   * then points at the next one).
   */
  public PollOutcome poll(int maxPages) {
    int published = 0;
    int pages = 0;
    try {
      while (true) {
        if (pages == maxPages) {
          return new PollOutcome(published, false, Duration.ZERO);
        }
        pages++;
        Step step = page();
        published += step.events();
        if (step.finished()) {
          break;
        }
      }
      listener.succeeded(id, clock.instant());
      return new PollOutcome(published, true, settings.pollInterval());
    } catch (PlatformException e) {
      report(e);
      if (e.kind() == PlatformException.Kind.PERMANENT
          && cursor.pass() != null
          && cursor.pass().pageToken() != null) {
        // Perhaps the page token expired: start the pass again. What it already published is in
        // the cursor's known reviews, so nothing is published twice.
        try {
          commit(withPass(null));
        } catch (KafkaNotAcknowledged ignored) {
          listener.failed(id, "KAFKA");
        }
      }
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

  private record Step(int events, boolean finished) {}

  private void report(PlatformException e) {
    listener.failed(id, e.kind().name());
    if (e.kind() == PlatformException.Kind.MALFORMED_RESPONSE) {
      listener.malformed(id, 1);
    }
    // The platform's error and reason only: never the content.
    LOG.warn("Connector {} pass stopped: {}", id, e.getMessage());
  }

  /** Reads, publishes and commits one page; says whether the pass is finished. */
  private Step page() throws KafkaNotAcknowledged {
    Instant now = clock.instant();
    Pass pass = cursor.pass();
    if (pass == null) {
      boolean sweep =
          cursor.lastSweep() == null
              || Duration.ofMillis(now.toEpochMilli() - cursor.lastSweep())
                      .compareTo(settings.sweepInterval())
                  >= 0;
      pass = new Pass(null, sweep, true, null, Set.of());
    }
    ReviewPage page =
        client.reviews(accountId, locationId, token, pass.pageToken(), settings.pageSize());
    Map<String, Known> known = new HashMap<>(cursor.known());
    Set<String> seen = pass.sweep() ? new HashSet<>(pass.seen()) : new HashSet<>();
    List<ChannelEvent> events = new ArrayList<>();
    Long pending = pass.pending();
    Long since = cursor.since();
    boolean reachedKnown = false;
    for (BusinessReview review : page.reviews()) {
      seen.add(review.reviewId());
      events.addAll(changes(review, known, now));
      // The review's own update time only: the incremental pass compares review update times.
      long updated = review.updateTime().toEpochMilli();
      pending = pending == null ? updated : Math.max(pending, updated);
      // Reviews come most recently updated first: past the cursor, nothing newer follows.
      if (!pass.sweep() && since != null && review.updateTime().toEpochMilli() < since) {
        reachedKnown = true;
      }
    }
    for (String listed : page.unreadableIds()) {
      seen.add(listed);
      Known k = known.get(listed);
      if (k != null && k.missing() > 0) {
        known.put(listed, new Known(k.review(), k.reply(), 0));
      }
    }
    boolean clean = pass.clean() && page.malformedItems() == 0;
    if (page.malformedItems() > 0) {
      listener.malformed(id, page.malformedItems());
      LOG.warn(
          "Connector {} skipped {} reviews not in the documented shape", id, page.malformedItems());
    }
    if (page.nextPageToken() != null && !reachedKnown) {
      publishAll(events);
      commit(
          new GoogleReviewsCursor(
              cursor.since(),
              cursor.lastSweep(),
              known,
              new Pass(
                  page.nextPageToken(),
                  pass.sweep(),
                  clean,
                  pending,
                  // Only a sweep needs what it listed, to find what it did not.
                  pass.sweep() ? seen : Set.of())));
      return new Step(events.size(), false);
    }
    Long lastSweep = cursor.lastSweep();
    if (pass.sweep()) {
      if (!clean) {
        LOG.warn("Connector {} concluded no deletion: the sweep left reviews out", id);
      } else if (seen.isEmpty() && !known.isEmpty()) {
        // Every review gone at once is far likelier a glitch of the listing than the truth.
        LOG.warn("Connector {} concluded no deletion: the sweep listed no review at all", id);
      } else {
        events.addAll(deletions(known, seen, now));
      }
      lastSweep = now.toEpochMilli();
    }
    publishAll(events);
    Long nextSince =
        pending == null ? since : Long.valueOf(Math.max(pending, since == null ? 0 : since));
    commit(new GoogleReviewsCursor(nextSince, lastSweep, known, null));
    return new Step(events.size(), true);
  }

  /** The events of {@code review} against what was published; records it in {@code known}. */
  private List<ChannelEvent> changes(BusinessReview review, Map<String, Known> known, Instant now) {
    List<ChannelEvent> events = new ArrayList<>(2);
    String url = settings.reviewsUrl();
    Known prior = known.get(review.reviewId());
    int fingerprint = GoogleReviewsNormalizer.reviewFingerprint(review);
    if (prior == null) {
      events.add(GoogleReviewsNormalizer.review(locationId, review, EventKind.CREATED, url, now));
    } else if (prior.review() != fingerprint) {
      events.add(GoogleReviewsNormalizer.review(locationId, review, EventKind.EDITED, url, now));
    }
    Integer priorReply = prior == null ? null : prior.reply();
    Integer reply =
        review.reply() == null ? null : GoogleReviewsNormalizer.replyFingerprint(review.reply());
    if (reply != null && priorReply == null) {
      events.add(GoogleReviewsNormalizer.reply(locationId, review, EventKind.CREATED, url, now));
    } else if (reply != null && !reply.equals(priorReply)) {
      events.add(GoogleReviewsNormalizer.reply(locationId, review, EventKind.EDITED, url, now));
    } else if (reply == null && priorReply != null) {
      events.add(
          GoogleReviewsNormalizer.replyDeleted(
              locationId, review.reviewId(), priorReply, url, now, review.raw()));
    }
    known.put(review.reviewId(), new Known(fingerprint, reply, 0));
    return events;
  }

  /**
   * After a complete, clean sweep: counts one more absence for every known review it did not list,
   * and DELETES those absent from enough sweeps in a row.
   */
  private List<ChannelEvent> deletions(Map<String, Known> known, Set<String> seen, Instant now) {
    List<ChannelEvent> events = new ArrayList<>();
    for (String reviewId : List.copyOf(known.keySet()).stream().sorted().toList()) {
      if (seen.contains(reviewId)) {
        continue;
      }
      Known k = known.get(reviewId);
      int missing = k.missing() + 1;
      if (missing < settings.deletionConfirmations()) {
        known.put(reviewId, new Known(k.review(), k.reply(), missing));
        continue;
      }
      String url = settings.reviewsUrl();
      ChannelEvent deleted =
          GoogleReviewsNormalizer.reviewDeleted(
              accountId, locationId, reviewId, k.review(), missing, url, now);
      if (k.reply() != null) {
        events.add(
            GoogleReviewsNormalizer.replyDeleted(
                locationId, reviewId, k.reply(), url, now, deleted.raw()));
      }
      events.add(deleted);
      known.remove(reviewId);
    }
    return events;
  }

  private GoogleReviewsCursor withPass(Pass pass) {
    return new GoogleReviewsCursor(cursor.since(), cursor.lastSweep(), cursor.known(), pass);
  }

  private void publishAll(List<ChannelEvent> events) throws KafkaNotAcknowledged {
    writes.publishAll(events);
  }

  private void commit(GoogleReviewsCursor next) throws KafkaNotAcknowledged {
    writes.writeCursor(next.encode());
    cursor = next;
  }
}
