package dev.switchboard.channels.careopinion;

import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Care Opinion API v2's semantics: 401/403 (and the redirect to the login page the API gives
 * for an invalid key) are permanent, 429 is a rate limit honouring {@code Retry-After}, 408 and 5xx
 * are retried, every other 4xx is permanent. An error body, when JSON, may carry {@code message}
 * (ASP.NET Web API style, unconfirmed); it becomes the platform message.
 */
public final class CareOpinionRules extends HttpRules {

  /** The error code of the redirect to the login page: the key is wrong or expired. */
  public static final String INVALID_KEY = "invalid-key";

  /** Care Opinion rules under the platform name {@code care-opinion}. */
  public CareOpinionRules() {
    super("care-opinion");
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    int status = response.status();
    if (status >= 300 && status < 400) {
      // Documented: "if you use an invalid key you will be redirected to a login page". Following
      // the redirect cannot help, and retrying with the same key cannot either.
      return new PlatformException(
          Kind.PERMANENT,
          platform(),
          status,
          INVALID_KEY,
          "redirected to the login page: the subscription key was refused",
          null,
          null);
    }
    Duration wait = retryAfter(response, clock).orElse(null);
    Optional<JsonNode> body = Json.parse(response.body()).filter(JsonNode::isObject);
    String message = body.map(b -> Json.text(b, "message")).orElse(null);
    if (message == null) {
      message = body.map(b -> Json.text(b, "Message")).orElse(null);
    }
    return new PlatformException(kindOf(status), platform(), status, null, message, wait, null);
  }
}
