package dev.switchboard.channels.wordpress;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one blog's comments through the WordPress REST API ({@code GET
 * <base-path>/wp-json/wp/v2/comments}), one {@code status} per request (the API takes one), oldest
 * first ({@code orderby=date_gmt&order=asc}), written after a time ({@code after}), paged with
 * {@code page}/{@code per_page} and {@code X-WP-TotalPages}. Non-approved statuses need an
 * authenticated user: an application password as HTTP Basic, in the header, never the URL. Retries,
 * rate limits and the circuit are {@link PlatformHttp}'s; an answer not in the documented shape is
 * {@link PlatformException.Kind#MALFORMED_RESPONSE}; a single broken comment is left out and
 * counted in {@link WordPressPage#malformedItems()}.
 */
public final class WordPressClient {

  /** The most {@code per_page} WordPress allows. */
  public static final int MAX_PER_PAGE = 100;

  private final PlatformHttp http;
  private final String basePath;
  private final String authorization;

  /**
   * A client over {@code http} (built with {@link WordPressRules} for the blog's host); {@code
   * basePath} is the blog's path on that host ("" at the root), {@code user} and {@code
   * applicationPassword} its credentials (both null for anonymous: approved comments only).
   */
  public WordPressClient(
      PlatformHttp http, String basePath, String user, String applicationPassword) {
    this.http = http;
    this.basePath = basePath == null ? "" : basePath.replaceAll("/+$", "");
    this.authorization =
        user == null || applicationPassword == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + applicationPassword).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Page {@code page} (from 1) of the comments in {@code status} ({@code approve}, {@code hold},
   * {@code spam}, {@code trash}) written strictly after {@code after} (null: all), oldest first.
   */
  public WordPressPage comments(String status, Instant after, int page, int perPage) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("status", status);
    // context=edit: the moderator's view; with it spam and trash are readable at all.
    query.put("context", "edit");
    query.put("orderby", "date_gmt");
    query.put("order", "asc");
    query.put("per_page", Integer.toString(Math.min(perPage, MAX_PER_PAGE)));
    query.put("page", Integer.toString(page));
    if (after != null) {
      // An explicit UTC offset: without one WordPress reads the date in the site's time zone.
      query.put("after", after.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    PlatformResponse response;
    try {
      response = http.get(basePath + "/wp-json/wp/v2/comments?" + encode(query), headers);
    } catch (PlatformException e) {
      // Comments removed between two pages shrink the page count: past the end is just the end.
      if (e.httpStatus() == 400
          && e.errorCode().filter("rest_comment_invalid_page_number"::equals).isPresent()) {
        return new WordPressPage(List.of(), 0, page, page, -1);
      }
      throw e;
    }
    JsonNode body =
        Json.parse(response.body())
            .filter(JsonNode::isArray)
            .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON array"));
    List<WordPressComment> comments = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : body.values()) {
      Optional<WordPressComment> comment = comment(node);
      if (comment.isPresent()) {
        comments.add(comment.get());
      } else {
        malformed++;
      }
    }
    int read = comments.size() + malformed;
    int totalPages =
        header(response, "X-WP-TotalPages")
            .map(Long::intValue)
            .orElse(read >= perPage ? page + 1 : page);
    return new WordPressPage(
        comments, malformed, page, totalPages, header(response, "X-WP-Total").orElse(-1L));
  }

  /** The comment, or empty when it lacks an id, a post, a readable date_gmt or its content. */
  private static Optional<WordPressComment> comment(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    String post = Json.text(node, "post");
    Optional<Instant> date = gmt(Json.text(node, "date_gmt"));
    JsonNode content = Json.child(node, "content");
    JsonNode rendered = content == null ? null : Json.child(content, "rendered");
    if (id == null
        || id.isBlank()
        || post == null
        || date.isEmpty()
        || rendered == null
        || !rendered.isString()) {
      return Optional.empty();
    }
    return Optional.of(
        new WordPressComment(
            id,
            post,
            zeroIsNone(Json.text(node, "parent")),
            zeroIsNone(Json.text(node, "author")),
            Json.text(node, "author_name"),
            Json.text(node, "author_url"),
            date.get(),
            rendered.getStringValue(),
            Json.text(node, "link"),
            Json.text(node, "status"),
            Json.text(node, "type"),
            Json.write(node)));
  }

  /** {@code date_gmt}: {@code 2026-11-25T08:00:00}, UTC without an offset. */
  static Optional<Instant> gmt(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String zeroIsNone(String id) {
    return id == null || id.isBlank() || id.equals("0") ? null : id;
  }

  private static Optional<Long> header(PlatformResponse response, String name) {
    try {
      return response.header(name).map(String::strip).map(Long::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String encode(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
