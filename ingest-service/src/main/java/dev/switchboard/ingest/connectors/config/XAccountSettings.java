package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One X account to watch: {@code switchboard.connectors.x.accounts.<name>.*}. Its token is the
 * environment variable {@code SWITCHBOARD_X_TOKEN_<NAME>}.
 *
 * @param name the account's name in Switchboard (the connector id is {@code x:<name>})
 * @param userId the account's numeric user id (the events' {@code account})
 * @param directMessages whether its direct messages are read (default false; needs a user-context
 *     token with {@code dm.read})
 */
@EachProperty(XSettings.PREFIX + ".accounts")
public record XAccountSettings(
    @Parameter String name, @NotBlank String userId, @Nullable Boolean directMessages) {

  /** Whether direct messages are read. */
  public boolean readsDirectMessages() {
    return Boolean.TRUE.equals(directMessages);
  }
}
