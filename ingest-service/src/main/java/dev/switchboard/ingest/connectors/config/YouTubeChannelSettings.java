package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * One YouTube channel to watch: {@code switchboard.connectors.youtube.channels.<name>.*}. Its key
 * or token is the environment variable {@code SWITCHBOARD_YOUTUBE_TOKEN_<NAME>}.
 *
 * @param name the channel's name in Switchboard (the connector id is {@code youtube:<name>})
 * @param channelId the channel's id ({@code UC...})
 * @param credential {@code oauth} (default: the owner's access token, needed for held and
 *     likely-spam comments) or {@code api-key} (published comments only)
 * @param moderationStatuses the statuses polled; default {@code published}, plus {@code
 *     heldForReview} and {@code likelySpam} with an OAuth token
 */
@EachProperty(YouTubeSettings.PREFIX + ".channels")
public record YouTubeChannelSettings(
    @Parameter String name,
    @NotBlank String channelId,
    @Nullable String credential,
    @Nullable List<String> moderationStatuses) {}
