package dev.switchboard.channels.oauth;

import dev.switchboard.channels.http.Json;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.PlatformResponse;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An access token renewed with a refresh token ({@code grant_type=refresh_token}, RFC 6749 section
 * 6, client credentials in the form body as Google documents): fetched on first use, renewed {@code
 * margin} before it expires and whenever the platform rejects it. A rotated refresh token in the
 * answer replaces the old one for later renewals (it lives in memory only: a restart starts again
 * from the configured one). A token endpoint that refuses the refresh token ({@code invalid_grant})
 * throws a permanent {@link PlatformException}: a person must consent again.
 */
public final class RefreshingAccessToken implements AccessToken {

  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");

  private final PlatformHttp tokenEndpoint;
  private final String tokenPath;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final Duration margin;
  private String refreshToken;
  private String current;
  private Instant renewAt;

  /**
   * A token renewed by {@code POST tokenPath} on {@code tokenEndpoint} (e.g. {@code /token} on
   * {@code https://oauth2.googleapis.com}), {@code margin} before it expires.
   */
  public RefreshingAccessToken(
      PlatformHttp tokenEndpoint,
      String tokenPath,
      RefreshCredentials credentials,
      Clock clock,
      Duration margin) {
    this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    this.tokenPath = Objects.requireNonNull(tokenPath, "tokenPath");
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.refreshToken = credentials.refreshToken();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  @Override
  public synchronized String value() {
    if (current == null || (renewAt != null && !clock.instant().isBefore(renewAt))) {
      renew();
    }
    return current;
  }

  @Override
  public synchronized void rejected(String value) {
    // Only the token that was refused: another thread may already have renewed it.
    if (value != null && value.equals(current)) {
      current = null;
    }
  }

  @Override
  public boolean renewable() {
    return true;
  }

  private void renew() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    Instant asked = clock.instant();
    PlatformResponse response = tokenEndpoint.execute("POST", tokenPath, HEADERS, encode(form));
    JsonNode body =
        Json.parse(response.body())
            .filter(JsonNode::isObject)
            .orElseThrow(() -> malformed(response, "the answer is not a JSON object"));
    String accessToken = Json.text(body, "access_token");
    if (accessToken == null || accessToken.isBlank()) {
      throw malformed(response, "the answer has no access_token");
    }
    String expiresIn = Json.text(body, "expires_in");
    Instant expiry;
    try {
      expiry = expiresIn == null ? null : asked.plusSeconds(Long.parseLong(expiresIn.strip()));
    } catch (NumberFormatException e) {
      throw malformed(response, "expires_in is not a number of seconds");
    }
    String rotated = Json.text(body, "refresh_token");
    if (rotated != null && !rotated.isBlank()) {
      refreshToken = rotated;
    }
    current = accessToken;
    // No expiry given: keep it until the platform refuses it.
    renewAt = expiry == null ? null : expiry.minus(margin);
  }

  private PlatformException malformed(PlatformResponse response, String message) {
    return new PlatformException(
        PlatformException.Kind.MALFORMED_RESPONSE,
        tokenEndpoint.platform(),
        response.status(),
        null,
        message,
        null,
        null);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "RefreshingAccessToken[" + clientId + ", hidden]";
  }
}
