package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One Instagram business account to watch: {@code
 * switchboard.connectors.instagram.accounts.<name>.*}. Its token is the environment variable {@code
 * SWITCHBOARD_INSTAGRAM_TOKEN_<NAME>}.
 *
 * @param name the account's name in Switchboard (the connector id is {@code instagram:<name>})
 * @param igUserId the Instagram business account's id (the events' account)
 * @param pageId the Facebook Page linked to the account, needed to poll direct messages; empty =
 *     direct messages only by webhook
 */
@EachProperty(InstagramSettings.PREFIX + ".accounts")
public record InstagramAccountSettings(
    @Parameter String name, @NotBlank String igUserId, @Nullable String pageId) {}
