package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Google's OAuth token endpoint ({@code switchboard.connectors.google-oauth.*}), used to renew the
 * YouTube and Blogger access tokens of accounts configured with a refresh token; the client id and
 * secret come from the environment ({@link GoogleOAuth}).
 *
 * @param tokenUrl the endpoint's base URL ({@code POST /token}); tests point it at a fake
 * @param renewBefore how long before an access token expires it is renewed
 */
@ConfigurationProperties(GoogleOAuthSettings.PREFIX)
public record GoogleOAuthSettings(@NotBlank String tokenUrl, @NotNull Duration renewBefore) {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.connectors.google-oauth";
}
