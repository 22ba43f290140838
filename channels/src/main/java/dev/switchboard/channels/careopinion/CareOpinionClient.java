package dev.switchboard.channels.careopinion;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the Care Opinion API v2: {@code GET /api/v2/opinions} filtered by health service ({@code
 * nacs=<ODS code>}, repeatable) and {@code publishedafter}, paged with {@code skip}/{@code take}
 * (at most {@value #MAX_TAKE}), oldest publication first (the documented default); {@code GET
 * /api/v2/opinions/{id}} (404 once a story is withdrawn or unpublished); and {@code GET
 * /api/v2/opinions/{id}/responses}. Lists are bare JSON arrays. Every request waits for its slot in
 * the {@link CareOpinionRateLimiter}; retries, {@code Retry-After} and the circuit are {@link
 * PlatformHttp}'s (built with {@link CareOpinionRules}). An answer not in the documented shape is
 * {@link Kind#MALFORMED_RESPONSE}; a single unreadable story or response is left out and counted.
 */
public final class CareOpinionClient {

  /** The largest {@code take} the API serves. */
  public static final int MAX_TAKE = 100;

  private static final String OPINIONS = "/api/v2/opinions";

  private final PlatformHttp http;
  private final CareOpinionRateLimiter limiter;

  /**
   * A client over {@code http}, whose base URL is {@code https://www.careopinion.org.uk}, spacing
   * its requests with {@code limiter} (share one limiter per subscription key).
   */
  public CareOpinionClient(PlatformHttp http, CareOpinionRateLimiter limiter) {
    this.http = Objects.requireNonNull(http, "http");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  /**
   * One page of the stories about any of {@code odsCodes} published after {@code publishedAfter}
   * (null: all), oldest first.
   */
  public CareOpinionPage<CareOpinionStory> opinions(
      CareOpinionKey key, List<String> odsCodes, Instant publishedAfter, int skip, int take) {
    if (odsCodes.isEmpty()) {
      throw new IllegalArgumentException("at least one ODS code is needed");
    }
    if (take < 1 || take > MAX_TAKE || skip < 0) {
      throw new IllegalArgumentException("take must be 1.." + MAX_TAKE + " and skip at least 0");
    }
    StringBuilder query = new StringBuilder(OPINIONS).append('?');
    for (String code : odsCodes) {
      query.append("nacs=").append(encode(code)).append('&');
    }
    if (publishedAfter != null) {
      query.append("publishedafter=").append(encode(publishedAfter.toString())).append('&');
    }
    query.append("skip=").append(skip).append("&take=").append(take);
    JsonNode array = array(get(query.toString(), key));
    List<CareOpinionStory> stories = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : array.values()) {
      Optional<CareOpinionStory> story = story(node);
      if (story.isPresent()) {
        stories.add(story.get());
      } else {
        malformed++;
      }
    }
    int returned = array.size();
    return new CareOpinionPage<>(stories, malformed, returned < take ? -1 : skip + returned);
  }

  /** The story {@code opinionId}, or empty when Care Opinion no longer publishes it (404). */
  public Optional<CareOpinionStory> opinion(CareOpinionKey key, String opinionId) {
    PlatformResponse response;
    try {
      response = get(OPINIONS + "/" + encode(opinionId), key);
    } catch (PlatformException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    JsonNode node =
        Json.parse(response.body())
            .filter(JsonNode::isObject)
            .orElseThrow(() -> malformed(response.status(), "the answer is not a JSON object"));
    return Optional.of(
        story(node).orElseThrow(() -> malformed(response.status(), "the story is not readable")));
  }

  /** The responses published on story {@code opinionId}, oldest first. */
  public CareOpinionPage<CareOpinionResponse> responses(CareOpinionKey key, String opinionId) {
    JsonNode array = array(get(OPINIONS + "/" + encode(opinionId) + "/responses", key));
    List<CareOpinionResponse> responses = new ArrayList<>();
    int malformed = 0;
    for (JsonNode node : array.values()) {
      Optional<CareOpinionResponse> response = response(node, opinionId);
      if (response.isPresent()) {
        responses.add(response.get());
      } else {
        malformed++;
      }
    }
    return new CareOpinionPage<>(responses, malformed, -1);
  }

  /** The platform name, for health and metrics. */
  public String platform() {
    return http.platform();
  }

  private PlatformResponse get(String pathAndQuery, CareOpinionKey key) {
    try {
      limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(
          Kind.RETRYABLE, http.platform(), 0, "interrupted", "interrupted", null, e);
    }
    PlatformResponse response = http.get(pathAndQuery, key.headers());
    if (response.status() != 200 && response.body().isBlank()) {
      // 204 or similar where a body was expected.
      throw malformed(response.status(), "the answer has no body");
    }
    return response;
  }

  private JsonNode array(PlatformResponse response) {
    JsonNode body =
        Json.parse(response.body())
            .orElseThrow(() -> malformed(response.status(), "the answer is not JSON"));
    if (!body.isArray()) {
      throw malformed(response.status(), "the answer is not a JSON array");
    }
    return body;
  }

  /** The story, or empty when it lacks an id or a readable {@code dateOfPublication}. */
  static Optional<CareOpinionStory> story(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> published = time(Json.text(node, "dateOfPublication"));
    if (id == null || id.isBlank() || published.isEmpty()) {
      return Optional.empty();
    }
    String title = Json.text(node, "title");
    String body = Json.text(node, "body");
    if (title == null && body == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CareOpinionStory(
            id,
            title,
            body,
            time(Json.text(node, "dateOfSubmission")).orElse(null),
            published.get(),
            Json.text(node, "authorRole"),
            Json.text(node, "criticality"),
            Json.text(node, "progress"),
            Json.write(node)));
  }

  private static Optional<CareOpinionResponse> response(JsonNode node, String opinionId) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = Json.text(node, "id");
    Optional<Instant> published = time(Json.text(node, "dateOfPublication"));
    String body = Json.text(node, "body");
    if (id == null || id.isBlank() || published.isEmpty() || body == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CareOpinionResponse(
            id,
            opinionId,
            body,
            Json.text(node, "responderName"),
            Json.text(node, "responderRole"),
            Json.text(node, "responderOrganisation"),
            published.get(),
            Json.write(node)));
  }

  /**
   * A Care Opinion time: documented as UTC, written either with an offset or without one ({@code
   * 2026-11-25T08:00:00} or {@code 2026-11-25T08:00:00.123Z}); a time without offset is UTC.
   */
  static Optional<Instant> time(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notATime) {
        return Optional.empty();
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private PlatformException malformed(int status, String what) {
    return new PlatformException(
        Kind.MALFORMED_RESPONSE, http.platform(), status, null, what, null, null);
  }
}
