package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local web server of RSS 2.0 and Atom feeds for tests: each feed at its own path, newest item
 * first, with {@code ETag} and {@code Last-Modified} and 304 for a matching {@code If-None-Match}
 * or {@code If-Modified-Since}. Items can be added and edited while it runs and {@link FeedFault}s
 * scripted for the next requests. Every request is recorded.
 */
public final class FakeFeedServer implements AutoCloseable {

  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** The format a feed is served in. */
  public enum Format {
    RSS,
    ATOM
  }

  /** One request the fake received, with its conditional headers; status -1 if the client went. */
  public record RecordedRequest(
      long nanoTime, String path, String ifNoneMatch, String ifModifiedSince, int status) {}

  private static final class Item {
    final String id;
    final String link;
    final Instant published;
    volatile String title;
    volatile String body;
    volatile Instant updated;

    Item(String id, String link, String title, String body, Instant published) {
      this.id = id;
      this.link = link;
      this.title = title;
      this.body = body;
      this.published = published;
      this.updated = published;
    }
  }

  private static final class Feed {
    final Format format;
    final List<Item> items = new CopyOnWriteArrayList<>();
    volatile int version;
    volatile Instant lastModified = Instant.parse("2026-01-01T00:00:00Z");

    Feed(Format format) {
      this.format = format;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
  private final Deque<FeedFault> faults = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private FakeFeedServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeFeedServer start() {
    try {
      FakeFeedServer fake =
          new FakeFeedServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake feed server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves an empty feed at {@code path} in {@code format}; returns its full URL. */
  public URI addFeed(String path, Format format) {
    feeds.put(path, new Feed(format));
    return baseUrl().resolve(path);
  }

  /**
   * Adds an item; {@code id} null makes an RSS item without a {@code guid} (its link identifies
   * it).
   */
  public void addItem(
      String path, String id, String link, String title, String body, Instant published) {
    Feed feed = feed(path);
    feed.items.add(new Item(id, link, title, body, published));
    changed(feed, published);
  }

  /** Changes an item's title and body, as of {@code updated}. */
  public void editItem(String path, String idOrLink, String title, String body, Instant updated) {
    Feed feed = feed(path);
    Item item =
        feed.items.stream()
            .filter(i -> idOrLink.equals(i.id) || idOrLink.equals(i.link))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no such item: " + idOrLink));
    item.title = title;
    item.body = body;
    item.updated = updated;
    changed(feed, updated);
  }

  /** Answers the next request with {@code fault}; several queue up in order. */
  public FakeFeedServer failNext(FeedFault fault) {
    faults.add(fault);
    return this;
  }

  /** Every request so far, in the order answered. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void changed(Feed feed, Instant at) {
    feed.version++;
    if (at.isAfter(feed.lastModified)) {
      feed.lastModified = at;
    } else {
      feed.lastModified = feed.lastModified.plusSeconds(1);
    }
  }

  private Feed feed(String path) {
    Feed feed = feeds.get(path);
    if (feed == null) {
      throw new IllegalArgumentException("no such feed: " + path);
    }
    return feed;
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    int status = -1;
    ExchangeRecording recording =
        ExchangeRecording.around(
            exchange,
            st ->
                requests.add(
                    new RecordedRequest(
                        System.nanoTime(), path, ifNoneMatch, ifModifiedSince, st)));
    try {
      status = answer(exchange, path, ifNoneMatch, ifModifiedSince);
    } catch (RuntimeException e) {
      status = send(exchange, 500, "text/html", "<h1>500</h1>", Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, String path, String ifNoneMatch, String ifModifiedSince)
      throws IOException {
    FeedFault fault = faults.poll();
    if (fault instanceof FeedFault.Slow slow) {
      sleep(slow.delay().toMillis());
    } else if (fault instanceof FeedFault.ServerError error) {
      return send(exchange, error.status(), "text/html", "<h1>Service Unavailable</h1>", Map.of());
    } else if (fault instanceof FeedFault.TooManyRequests limited) {
      return send(
          exchange,
          429,
          "text/html",
          "<h1>Too Many Requests</h1>",
          Map.of("Retry-After", Integer.toString(limited.retryAfterSeconds())));
    } else if (fault instanceof FeedFault.MalformedXml) {
      return send(
          exchange,
          200,
          "application/rss+xml",
          "<?xml version=\"1.0\"?><rss><channel><item><title>cut",
          Map.of());
    } else if (fault instanceof FeedFault.ExternalEntity xxe) {
      return send(
          exchange,
          200,
          "application/rss+xml",
          "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
              + xxe.systemId()
              + "\">]><rss version=\"2.0\"><channel><title>t</title><item><guid>x</guid>"
              + "<title>&xxe;</title></item></channel></rss>",
          Map.of());
    }
    Feed feed = feeds.get(path);
    if (feed == null) {
      return send(exchange, 404, "text/html", "<h1>Not Found</h1>", Map.of());
    }
    String etag = "\"v" + feed.version + "\"";
    String lastModified = RFC_1123.format(feed.lastModified);
    boolean fresh =
        ifNoneMatch != null
            ? ifNoneMatch.equals(etag)
            : ifModifiedSince != null && ifModifiedSince.equals(lastModified);
    Map<String, String> headers = Map.of("ETag", etag, "Last-Modified", lastModified);
    if (fresh) {
      return send(exchange, 304, null, "", headers);
    }
    List<Item> items = new ArrayList<>(feed.items);
    items.sort(Comparator.comparing((Item i) -> i.published).reversed());
    return feed.format == Format.RSS
        ? send(exchange, 200, "application/rss+xml; charset=UTF-8", rss(items), headers)
        : send(exchange, 200, "application/atom+xml; charset=UTF-8", atom(path, items), headers);
  }

  private String rss(List<Item> items) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>")
        .append("<title>Local news</title><link>")
        .append(baseUrl())
        .append("</link>")
        .append("<description>Fake</description>\n");
    for (Item item : items) {
      xml.append("<item>");
      if (item.id != null) {
        xml.append("<guid isPermaLink=\"false\">").append(escape(item.id)).append("</guid>");
      }
      xml.append("<link>")
          .append(escape(item.link))
          .append("</link>")
          .append("<title>")
          .append(escape(item.title))
          .append("</title>")
          .append("<description>")
          .append(escape(item.body))
          .append("</description>")
          .append("<dc:creator>Reporter</dc:creator>")
          .append("<pubDate>")
          .append(RFC_1123.format(item.published))
          .append("</pubDate>")
          .append("</item>\n");
    }
    return xml.append("</channel></rss>").toString();
  }

  private String atom(String path, List<Item> items) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Forum</title>")
        .append("<id>")
        .append(baseUrl().resolve(path))
        .append("</id>")
        .append("<updated>")
        .append(Instant.EPOCH)
        .append("</updated>\n");
    for (Item item : items) {
      xml.append("<entry><id>")
          .append(escape(item.id != null ? item.id : item.link))
          .append("</id>")
          .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(escape(item.link))
          .append("\"/>")
          .append("<title type=\"text\">")
          .append(escape(item.title))
          .append("</title>")
          .append("<author><name>Poster</name></author>")
          .append("<summary type=\"html\">")
          .append(escape(item.body))
          .append("</summary>")
          .append("<published>")
          .append(item.published)
          .append("</published>")
          .append("<updated>")
          .append(item.updated)
          .append("</updated>")
          .append("</entry>\n");
    }
    return xml.append("</feed>").toString();
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static int send(
      HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    try {
      if (status == 304) {
        ExchangeRecording.recordBeforeBodilessAnswer(exchange, status);
      }
      exchange.sendResponseHeaders(status, status == 304 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (status != 304) {
          out.write(bytes);
        }
      }
      return status;
    } catch (IOException gone) {
      return -1;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
