package dev.switchboard.channels.youtube;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a channel's comment threads through the YouTube Data API v3 ({@code GET
 * /youtube/v3/commentThreads}, {@code part=snippet,replies}, {@code allThreadsRelatedToChannelId},
 * {@code order=time}, {@code textFormat=plainText}, one {@code moderationStatus} per call). Costs 1
 * quota unit per page, plus 1 per 100 replies of each thread with more replies than YouTube embeds,
 * which are read in full with {@code comments.list?parentId=}. Retries, rate limits and the circuit
 * are {@link PlatformHttp}'s (built with {@code GoogleApiRules}); an answer not in the documented
 * shape is {@link PlatformException.Kind#MALFORMED_RESPONSE}, and a single broken thread or reply
 * is left out and counted.
 */
public final class YouTubeClient {

  /** The moderation statuses {@code commentThreads.list} can filter on. */
  public static final List<String> MODERATION_STATUSES =
      List.of("published", "heldForReview", "likelySpam");

  private final PlatformHttp http;

  /** A client over {@code http}, whose base URL is {@code https://www.googleapis.com}. */
  public YouTubeClient(PlatformHttp http) {
    this.http = http;
  }

  /**
   * One page of the threads related to {@code channelId} with {@code moderationStatus}, most recent
   * first.
   */
  public YouTubePage commentThreads(
      String channelId,
      String moderationStatus,
      YouTubeCredential credential,
      String pageToken,
      int maxResults) {
    if (!MODERATION_STATUSES.contains(moderationStatus)) {
      throw new IllegalArgumentException("unknown moderation status " + moderationStatus);
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("part", "snippet,replies");
    query.put("allThreadsRelatedToChannelId", channelId);
    query.put("moderationStatus", moderationStatus);
    query.put("order", "time");
    query.put("textFormat", "plainText");
    query.put("maxResults", Integer.toString(maxResults));
    if (pageToken != null) {
      query.put("pageToken", pageToken);
    }
    String path = "/youtube/v3/commentThreads?" + encode(query);
    PlatformResponse response =
        credential.token().call(value -> http.get(path, credential.headers(value)));
    JsonNode body =
        Json.parse(response.body())
            .filter(JsonNode::isObject)
            .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON object"));
    JsonNode items = Json.child(body, "items");
    if (items == null || !items.isArray()) {
      throw malformed(response.status(), "the answer has no items array");
    }
    List<List<YouTubeComment>> threads = new ArrayList<>();
    int malformed = 0;
    for (JsonNode thread : items.values()) {
      Optional<YouTubeComment> top = topLevel(thread, moderationStatus);
      if (top.isEmpty()) {
        malformed++;
        continue;
      }
      List<YouTubeComment> comments = new ArrayList<>();
      comments.add(top.get());
      JsonNode replies = Json.child(Json.child(thread, "replies"), "comments");
      int embedded = replies != null && replies.isArray() ? replies.size() : 0;
      if (totalReplyCount(thread) > embedded) {
        // YouTube embeds only a few replies: read the thread's replies in full.
        replies = null;
        ReplyCount count = allReplies(top.get().id(), moderationStatus, credential, comments);
        malformed += count.malformed();
      }
      if (replies != null && replies.isArray()) {
        for (JsonNode reply : replies.values()) {
          Optional<YouTubeComment> parsed =
              comment(reply, top.get().id(), top.get().id(), moderationStatus, Json.write(reply));
          if (parsed.isPresent()) {
            comments.add(parsed.get());
          } else {
            malformed++;
          }
        }
      }
      threads.add(comments);
    }
    return new YouTubePage(threads, malformed, Json.text(body, "nextPageToken"));
  }

  private record ReplyCount(int malformed) {}

  private static int totalReplyCount(JsonNode thread) {
    String total = Json.text(Json.child(thread, "snippet"), "totalReplyCount");
    try {
      return total == null ? 0 : Integer.parseInt(total);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Every reply of thread {@code threadId} through {@code comments.list?parentId=} (1 quota unit a
   * page of up to 100), added to {@code into}; returns how many were not readable.
   */
  private ReplyCount allReplies(
      String threadId, String status, YouTubeCredential credential, List<YouTubeComment> into) {
    int malformed = 0;
    String pageToken = null;
    do {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("part", "snippet");
      query.put("parentId", threadId);
      query.put("textFormat", "plainText");
      query.put("maxResults", "100");
      if (pageToken != null) {
        query.put("pageToken", pageToken);
      }
      String path = "/youtube/v3/comments?" + encode(query);
      PlatformResponse response =
          credential.token().call(value -> http.get(path, credential.headers(value)));
      JsonNode body =
          Json.parse(response.body())
              .filter(JsonNode::isObject)
              .orElseThrow(() -> malformed(response.status(), "the replies are not a JSON object"));
      JsonNode items = Json.child(body, "items");
      if (items == null || !items.isArray()) {
        throw malformed(response.status(), "the replies have no items array");
      }
      for (JsonNode reply : items.values()) {
        Optional<YouTubeComment> parsed =
            comment(reply, threadId, threadId, status, Json.write(reply));
        if (parsed.isPresent()) {
          into.add(parsed.get());
        } else {
          malformed++;
        }
      }
      pageToken = Json.text(body, "nextPageToken");
    } while (pageToken != null);
    return new ReplyCount(malformed);
  }

  private static Optional<YouTubeComment> topLevel(JsonNode thread, String status) {
    if (thread == null || !thread.isObject()) {
      return Optional.empty();
    }
    String threadId = Json.text(thread, "id");
    JsonNode top = Json.child(Json.child(thread, "snippet"), "topLevelComment");
    if (threadId == null || top == null) {
      return Optional.empty();
    }
    // The raw of a top-level comment is the thread without its replies: each reply is its own item.
    Map<String, JsonNode> withoutReplies = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : thread.entries()) {
      if (!"replies".equals(e.getKey())) {
        withoutReplies.put(e.getKey(), e.getValue());
      }
    }
    return comment(
        top, threadId, null, status, Json.write(JsonNode.createObjectNode(withoutReplies)));
  }

  /** The comment, or empty when it lacks an id or a readable {@code publishedAt}. */
  private static Optional<YouTubeComment> comment(
      JsonNode node, String threadId, String parentId, String status, String raw) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    JsonNode snippet = Json.child(node, "snippet");
    if (id == null || id.isBlank() || snippet == null || !snippet.isObject()) {
      return Optional.empty();
    }
    Optional<Instant> published = time(Json.text(snippet, "publishedAt"));
    if (published.isEmpty()) {
      return Optional.empty();
    }
    Instant updated = time(Json.text(snippet, "updatedAt")).orElse(published.get());
    String text = Json.text(snippet, "textOriginal");
    if (text == null) {
      text = Json.text(snippet, "textDisplay");
    }
    String reportedStatus = Json.text(snippet, "moderationStatus");
    return Optional.of(
        new YouTubeComment(
            id,
            threadId,
            parentId == null ? Json.text(snippet, "parentId") : parentId,
            Json.text(snippet, "videoId"),
            text,
            Json.text(Json.child(snippet, "authorChannelId"), "value"),
            Json.text(snippet, "authorDisplayName"),
            published.get(),
            updated,
            reportedStatus == null ? status : reportedStatus,
            raw));
  }

  /** An RFC 3339 time as YouTube writes it ({@code 2026-11-25T08:00:00Z}, maybe with fraction). */
  static Optional<Instant> time(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
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
