package dev.switchboard.ingest.demo;

import dev.switchboard.ingest.webhook.GenericPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Decides what the demo sends and when, with no I/O: the corpus in order, over and over, at a fixed
 * rate. Each loop renames every id ({@code demo-<run>-<loop>-<id>}) so its items are new to the
 * pipeline while threads, replies, edits and deletions keep pointing at each other; {@code
 * createdAt} is the time the post is taken. Not thread-safe: one sender drives it.
 */
public final class DemoPlayer {

  private final List<CorpusItem> items;
  private final Duration interval;
  private final Clock clock;
  private final String run;
  private int loop;
  private int index;
  private Instant nextDue;

  /**
   * A player of {@code corpus} (which must have no {@link Corpus#problems()}) at {@code
   * postsPerMinute}; the run token comes from {@code clock}, so two runs never reuse ids.
   */
  public DemoPlayer(Corpus corpus, double postsPerMinute, Clock clock) {
    Objects.requireNonNull(corpus, "corpus");
    if (!corpus.problems().isEmpty()) {
      throw new IllegalArgumentException("the demo corpus cannot be played: " + corpus.problems());
    }
    if (!(postsPerMinute > 0) || Double.isInfinite(postsPerMinute)) {
      throw new IllegalArgumentException(
          "the demo rate must be a positive number of posts a minute");
    }
    this.items = corpus.items();
    // At least 1 ms apart: a rate beyond 60,000 a minute is as fast as one sender goes anyway.
    this.interval = Duration.ofNanos(Math.max(1_000_000L, Math.round(60e9 / postsPerMinute)));
    this.clock = clock;
    this.run = Long.toString(clock.millis() / 1000, 36);
  }

  /** The time between two posts. */
  public Duration interval() {
    return interval;
  }

  /** How long until the next post is due; zero when it is due now (or overdue). */
  public Duration untilNext() {
    if (nextDue == null) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(clock.instant(), nextDue);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /**
   * Takes the next post and moves the schedule on by one interval. After a stall longer than one
   * interval (the service was busy, Kafka was down) the schedule restarts from now instead of
   * sending the missed posts in a burst.
   */
  public DemoPost next() {
    Instant now = clock.instant();
    Instant due = nextDue == null || now.isAfter(nextDue.plus(interval)) ? now : nextDue;
    nextDue = due.plus(interval);
    CorpusItem item = items.get(index);
    DemoPost post = new DemoPost(loop, index, item.labels(), toPost(item, now));
    index++;
    if (index == items.size()) {
      index = 0;
      loop++;
    }
    return post;
  }

  /** The loop the next post belongs to (0 first). */
  public int loop() {
    return loop;
  }

  /** The id {@code corpusId} has in loop {@code loop} of this run. */
  public String idInLoop(int loop, String corpusId) {
    return "demo-" + run + "-" + loop + "-" + corpusId;
  }

  private GenericPost toPost(CorpusItem item, Instant now) {
    return new GenericPost(
        null,
        idInLoop(loop, item.platformId()),
        item.threadRootId() == null ? null : idInLoop(loop, item.threadRootId()),
        item.parentId() == null ? null : idInLoop(loop, item.parentId()),
        item.kind(),
        item.revision(),
        item.itemType(),
        item.author(),
        item.text(),
        null,
        DateTimeFormatter.ISO_INSTANT.format(now),
        item.visibility(),
        item.rating(),
        item.language(),
        null);
  }

  /**
   * One post to send.
   *
   * @param loop which pass over the corpus it belongs to
   * @param index its position in the corpus
   * @param expectedLabels the corpus's labels for it (never sent)
   * @param post the generic webhook body
   */
  public record DemoPost(int loop, int index, List<String> expectedLabels, GenericPost post) {}
}
