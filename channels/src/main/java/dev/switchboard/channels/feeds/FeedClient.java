package dev.switchboard.channels.feeds;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches one feed with a conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from
 * the last answer's {@code ETag} / {@code Last-Modified}) and parses it. Build it over a {@link
 * PlatformHttp} for the feed's host with plain {@code HttpRules}: retries, backoff and the circuit
 * are the core's; a body that is not a readable feed is {@link
 * PlatformException.Kind#MALFORMED_RESPONSE}.
 */
public final class FeedClient {

  private final PlatformHttp http;

  /** A client over {@code http}, whose base URL is the feed's origin. */
  public FeedClient(PlatformHttp http) {
    this.http = http;
  }

  /**
   * Fetches {@code pathAndQuery}; {@code etag} and {@code lastModified} (nullable) are what the
   * last fetch returned.
   */
  public FeedDocument fetch(String pathAndQuery, String etag, String lastModified) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1");
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    PlatformResponse response;
    try {
      response = http.get(pathAndQuery, headers);
    } catch (PlatformException e) {
      // The core treats every non-2xx as a failure; 304 is the answer a conditional GET hopes for.
      if (e.httpStatus() == 304) {
        return new FeedDocument(true, java.util.List.of(), 0, etag, lastModified);
      }
      throw e;
    }
    try {
      FeedParser.Parsed parsed = FeedParser.parse(response.body());
      return new FeedDocument(
          false,
          parsed.items(),
          parsed.malformedItems(),
          response.header("ETag").orElse(null),
          response.header("Last-Modified").orElse(null));
    } catch (FeedParser.FeedFormatException e) {
      throw new PlatformException(
          PlatformException.Kind.MALFORMED_RESPONSE,
          http.platform(),
          response.status(),
          null,
          e.getMessage(),
          null,
          null);
    }
  }
}
