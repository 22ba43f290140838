package dev.switchboard.channels.oauth;

import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A token endpoint's errors (RFC 6749 section 5.2): {@code {"error": "...", "error_description":
 * "..."}}. {@code invalid_grant} (the refresh token was revoked or expired), {@code invalid_client}
 * and the other 4xx are permanent — retrying cannot fix them, a person must consent again; 429 and
 * 5xx are retried.
 */
public final class OAuthRules extends HttpRules {

  /** Rules for the token endpoint of {@code platform} (e.g. {@code google-oauth}). */
  public OAuthRules(String platform) {
    super(platform);
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Optional<JsonNode> body = Json.parse(response.body()).filter(JsonNode::isObject);
    String error = body.map(b -> Json.text(b, "error")).orElse(null);
    String description = body.map(b -> Json.text(b, "error_description")).orElse(null);
    Duration retryAfter = retryAfter(response, clock).orElse(null);
    return new PlatformException(
        kindOf(response.status()),
        platform(),
        response.status(),
        error,
        description,
        retryAfter,
        null);
  }
}
