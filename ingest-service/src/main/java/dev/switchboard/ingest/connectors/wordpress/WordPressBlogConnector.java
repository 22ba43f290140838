package dev.switchboard.ingest.connectors.wordpress;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.wordpress.WordPressClient;
import dev.switchboard.channels.wordpress.WordPressComment;
import dev.switchboard.channels.wordpress.WordPressPage;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.Revisions;
import dev.switchboard.ingest.connectors.window.WindowedConnector;
import dev.switchboard.ingest.text.TextCleaner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Polls one WordPress blog's comments, status by status (the REST API takes one per request),
 * oldest first. WordPress gives a comment no modified date, so each pass re-reads the edit window
 * ({@link Settings#editWindow()}; see {@link WindowedConnector}): unknown → CREATED, changed text →
 * EDITED. A status change alone (held → approved) publishes nothing; a comment deleted for good
 * simply stops appearing: no DELETED events come from WordPress.
 */
public final class WordPressBlogConnector extends WindowedConnector {

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

  private final String blogId;
  private final WordPressClient client;
  private final Settings settings;

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
    super(
        "wordpress:" + name,
        sink,
        cursors,
        listener,
        new Window(
            settings.pollInterval(),
            settings.editWindow(),
            settings.ackTimeout(),
            settings.startFrom()),
        clock);
    this.blogId = blogId;
    this.client = client;
    this.settings = settings;
  }

  @Override
  protected Pass startPass(Instant scanFrom) {
    // "after" is exclusive: one second earlier includes comments written exactly at scanFrom.
    Instant after = scanFrom == null ? null : scanFrom.minusSeconds(1);
    return new Pass() {
      private int status;
      private int number = 1;

      @Override
      public boolean hasNext() {
        return status < settings.statuses().size();
      }

      @Override
      public Page next() throws PlatformException {
        WordPressPage page =
            client.comments(settings.statuses().get(status), after, number, settings.pageSize());
        if (page.hasNext()) {
          number++;
        } else {
          status++;
          number = 1;
        }
        return new Page(
            page.comments().stream().map(WordPressBlogConnector.this::item).toList(),
            page.malformedItems());
      }
    };
  }

  private Item item(WordPressComment comment) {
    String text = TextCleaner.clean(comment.contentHtml());
    return new Item(
        comment.id(),
        comment.dateGmt(),
        Revisions.ofEdit(text),
        (kind, revision, now) ->
            WordPressNormalizer.event(blogId, comment, text, kind, revision, now));
  }
}
