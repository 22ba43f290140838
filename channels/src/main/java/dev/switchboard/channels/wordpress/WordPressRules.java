package dev.switchboard.channels.wordpress;

import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The WordPress REST API's semantics: plain HTTP statuses (429 with {@code Retry-After} on hosted
 * WordPress, 5xx retryable, other 4xx permanent) and the error body {@code
 * {"code","message","data":{"status"}}}, whose {@code code} (e.g. {@code rest_not_logged_in},
 * {@code rest_forbidden_context}, {@code rest_invalid_param}) becomes the error code.
 */
public final class WordPressRules extends HttpRules {

  /** WordPress rules under the platform name {@code wordpress}. */
  public WordPressRules() {
    super("wordpress");
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Duration wait = retryAfter(response, clock).orElse(null);
    Optional<JsonNode> body = Json.parse(response.body()).filter(JsonNode::isObject);
    String code = body.map(b -> Json.text(b, "code")).orElse(null);
    String message = body.map(b -> Json.text(b, "message")).orElse(null);
    return new PlatformException(
        kindOf(response.status()), platform(), response.status(), code, message, wait, null);
  }
}
