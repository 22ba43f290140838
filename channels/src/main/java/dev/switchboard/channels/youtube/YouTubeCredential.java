package dev.switchboard.channels.youtube;

import dev.switchboard.channels.oauth.AccessToken;
import java.util.Map;
import java.util.Objects;

/**
 * How a YouTube request authenticates: an API key (public comments only) or the channel owner's
 * OAuth access token (needed for {@code heldForReview} and {@code likelySpam}). Never printed.
 *
 * @param type which kind of credential
 * @param token the key, or the token (fixed or renewed)
 */
public record YouTubeCredential(Type type, AccessToken token) {

  /** The kind of credential. */
  public enum Type {
    /** A Google Cloud API key, sent as {@code X-Goog-Api-Key}. */
    API_KEY,
    /** An OAuth 2.0 access token of the channel's owner, sent as a bearer token. */
    OAUTH
  }

  /** Checks both parts are present. */
  public YouTubeCredential {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(token, "token");
  }

  /** A fixed key or token. */
  public YouTubeCredential(Type type, String value) {
    this(type, AccessToken.fixed(Objects.requireNonNull(value, "value")));
  }

  /** The request headers carrying {@code value}: never the URL, which proxies and logs keep. */
  Map<String, String> headers(String value) {
    return type == Type.API_KEY
        ? Map.of("X-Goog-Api-Key", value, "Accept", "application/json")
        : Map.of("Authorization", "Bearer " + value, "Accept", "application/json");
  }

  @Override
  public String toString() {
    return "YouTubeCredential[" + type + ", hidden]";
  }
}
