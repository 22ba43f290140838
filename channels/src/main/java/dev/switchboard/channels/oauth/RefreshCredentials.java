package dev.switchboard.channels.oauth;

import java.util.Objects;

/**
 * What renews an access token: the OAuth client that was granted consent and the refresh token the
 * consent gave. Never printed.
 *
 * @param clientId the OAuth client's id
 * @param clientSecret the OAuth client's secret
 * @param refreshToken the refresh token of the account's owner
 */
public record RefreshCredentials(String clientId, String clientSecret, String refreshToken) {

  /** Checks every part is present. */
  public RefreshCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  @Override
  public String toString() {
    return "RefreshCredentials[" + clientId + ", hidden]";
  }
}
