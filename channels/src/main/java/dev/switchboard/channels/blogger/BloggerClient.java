package dev.switchboard.channels.blogger;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import dev.switchboard.channels.oauth.AccessToken;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one blog's comments through the Blogger API v3 ({@code GET
 * /blogger/v3/blogs/{blogId}/comments}, {@code comments.listByBlog}) with {@code startDate}, one or
 * more {@code status} values and {@code pageToken}/{@code nextPageToken} paging. Credentials travel
 * in headers, never the URL: an OAuth bearer token ({@code Authorization}; needed for {@code
 * pending} and {@code spam}) or an API key ({@code X-goog-api-key}; {@code live} only). Retries,
 * rate limits and the circuit are {@link PlatformHttp}'s (with {@code GoogleApiRules}).
 */
public final class BloggerClient {

  /** The most {@code maxResults} this client asks for. */
  public static final int MAX_RESULTS = 500;

  private final PlatformHttp http;
  private final AccessToken credential;
  private final String header;
  private final String prefix;

  private BloggerClient(PlatformHttp http, AccessToken credential, String header, String prefix) {
    this.http = http;
    this.credential = credential;
    this.header = header;
    this.prefix = prefix;
  }

  /**
   * A client authorised by a fixed OAuth 2.0 access token (all statuses, for the blog's admins).
   */
  public static BloggerClient withBearerToken(PlatformHttp http, String token) {
    return withAccessToken(http, AccessToken.fixed(token));
  }

  /**
   * A client authorised by an OAuth 2.0 access token that may be renewed: a 401 renews it and
   * repeats the request once.
   */
  public static BloggerClient withAccessToken(PlatformHttp http, AccessToken token) {
    return new BloggerClient(http, token, "Authorization", "Bearer ");
  }

  /** A client identified by an API key (public, {@code live} comments only). */
  public static BloggerClient withApiKey(PlatformHttp http, String apiKey) {
    return new BloggerClient(http, AccessToken.fixed(apiKey), "X-goog-api-key", "");
  }

  /**
   * One page of the blog's comments in {@code statuses} published at or after {@code startDate}
   * (null: all), continuing at {@code pageToken} (null: the first page).
   */
  public BloggerPage comments(
      String blogId, List<String> statuses, Instant startDate, String pageToken, int maxResults) {
    StringBuilder uri =
        new StringBuilder("/blogger/v3/blogs/")
            .append(URLEncoder.encode(blogId, StandardCharsets.UTF_8))
            .append("/comments?fetchBodies=true&maxResults=")
            .append(Math.min(maxResults, MAX_RESULTS));
    for (String status : statuses) {
      uri.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
    }
    if (startDate != null) {
      uri.append("&startDate=")
          .append(
              URLEncoder.encode(
                  startDate.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8));
    }
    if (pageToken != null) {
      uri.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
    }
    PlatformResponse response =
        credential.call(
            value -> {
              Map<String, String> headers = new LinkedHashMap<>();
              headers.put(header, prefix + value);
              headers.put("Accept", "application/json");
              return http.get(uri.toString(), headers);
            });
    JsonNode body =
        Json.parse(response.body())
            .filter(JsonNode::isObject)
            .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON object"));
    JsonNode items = Json.child(body, "items");
    if (items != null && !items.isArray()) {
      throw malformed(response.status(), "items is not an array");
    }
    List<BloggerComment> comments = new ArrayList<>();
    int malformed = 0;
    if (items != null) {
      for (JsonNode node : items.values()) {
        Optional<BloggerComment> comment = comment(node);
        if (comment.isPresent()) {
          comments.add(comment.get());
        } else {
          malformed++;
        }
      }
    }
    return new BloggerPage(comments, malformed, Json.text(body, "nextPageToken"));
  }

  private static Optional<BloggerComment> comment(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    String post = Json.text(Json.child(node, "post"), "id");
    Optional<Instant> published = time(Json.text(node, "published"));
    JsonNode content = Json.child(node, "content");
    if (id == null
        || id.isBlank()
        || post == null
        || published.isEmpty()
        || (content != null && !content.isString())) {
      return Optional.empty();
    }
    JsonNode author = Json.child(node, "author");
    return Optional.of(
        new BloggerComment(
            id,
            post,
            Json.text(Json.child(node, "inReplyTo"), "id"),
            Json.text(author, "id"),
            Json.text(author, "displayName"),
            Json.text(author, "url"),
            published.get(),
            time(Json.text(node, "updated")).orElse(null),
            content == null ? "" : content.getStringValue(),
            Json.text(node, "status"),
            Json.write(node)));
  }

  /** RFC 3339, as Blogger writes times ({@code 2026-11-25T08:00:00.000-08:00}). */
  static Optional<Instant> time(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
