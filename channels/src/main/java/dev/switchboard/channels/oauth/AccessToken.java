package dev.switchboard.channels.oauth;

import dev.switchboard.channels.http.PlatformException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The bearer token a client sends: {@link #fixed(String)} when the operator supplies a token, or
 * {@link RefreshingAccessToken} when Switchboard holds a refresh token and renews the access token
 * itself (Google's access tokens live an hour). Never printed.
 */
public interface AccessToken {

  /** The token to send now; may call the token endpoint. */
  String value();

  /** Says the platform refused {@code value} (401): the next {@link #value()} is a new one. */
  void rejected(String value);

  /** Whether {@link #rejected(String)} can lead to a different token. */
  boolean renewable();

  /**
   * Makes {@code request} with the current token; if the platform answers 401 and the token can be
   * renewed, renews it and makes the request once more.
   */
  default <T> T call(Function<String, T> request) {
    String token = value();
    try {
      return request.apply(token);
    } catch (PlatformException e) {
      if (e.httpStatus() != 401 || !renewable()) {
        throw e;
      }
      rejected(token);
      return request.apply(value());
    }
  }

  /** A token that never changes (the operator renews it). */
  static AccessToken fixed(String value) {
    Objects.requireNonNull(value, "value");
    return new AccessToken() {
      @Override
      public String value() {
        return value;
      }

      @Override
      public void rejected(String rejected) {}

      @Override
      public boolean renewable() {
        return false;
      }

      @Override
      public String toString() {
        return "AccessToken[fixed, hidden]";
      }
    };
  }
}
