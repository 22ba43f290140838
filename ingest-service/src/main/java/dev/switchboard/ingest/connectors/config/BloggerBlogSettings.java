package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One Blogger blog to watch: {@code switchboard.connectors.blogger.blogs.<name>.*}. Its credential
 * is {@code SWITCHBOARD_BLOGGER_TOKEN_<NAME>} (OAuth access token) or {@code
 * SWITCHBOARD_BLOGGER_API_KEY_<NAME>} (API key, live comments only).
 *
 * @param name the blog's name in Switchboard (the connector id is {@code blogger:<name>})
 * @param blogId Blogger's blog id, also the events' account
 * @param startFrom where polling starts when there is no cursor yet (epoch seconds); empty = all
 */
@EachProperty(BloggerSettings.PREFIX + ".blogs")
public record BloggerBlogSettings(
    @Parameter String name, @NotBlank String blogId, @Nullable Long startFrom) {}
