package dev.switchboard.ingest.connectors.blogger;

import dev.switchboard.channels.blogger.BloggerClient;
import dev.switchboard.channels.blogger.BloggerComment;
import dev.switchboard.channels.blogger.BloggerPage;
import dev.switchboard.channels.http.PlatformException;
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
 * Polls one Blogger blog's comments with {@code comments.listByBlog}, every configured status in
 * one request, newest first, page by page. The API filters by publication date only, so each pass
 * re-reads the edit window ({@link Settings#editWindow()}; see {@link WindowedConnector}): unknown
 * → CREATED, changed text → EDITED, content removed (status {@code emptied}) → DELETED. A status
 * change alone (pending → live) publishes nothing; a comment deleted outright simply stops
 * appearing.
 */
public final class BloggerBlogConnector extends WindowedConnector {

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

  private final String blogId;
  private final BloggerClient client;
  private final Settings settings;

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
    super(
        "blogger:" + name,
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
    return new Pass() {
      private String token;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page next() throws PlatformException {
        BloggerPage page =
            client.comments(blogId, settings.statuses(), scanFrom, token, settings.pageSize());
        token = page.nextPageToken();
        done = token == null;
        return new Page(
            page.comments().stream().map(BloggerBlogConnector.this::item).toList(),
            page.malformedItems());
      }
    };
  }

  private Item item(BloggerComment comment) {
    if ("emptied".equals(comment.status())) {
      // Revisions never gives 0, so 0 can stand for "content removed".
      return new Item(
          comment.id(),
          comment.published(),
          0,
          (kind, revision, now) -> BloggerNormalizer.event(blogId, comment, null, kind, 0, now));
    }
    String text = TextCleaner.clean(comment.contentHtml());
    return new Item(
        comment.id(),
        comment.published(),
        Revisions.ofEdit(text),
        (kind, revision, now) ->
            BloggerNormalizer.event(blogId, comment, text, kind, revision, now));
  }
}
