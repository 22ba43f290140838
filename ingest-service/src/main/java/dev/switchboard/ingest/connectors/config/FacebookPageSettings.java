package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One Facebook Page to watch: {@code switchboard.connectors.facebook.pages.<name>.*}. Its token is
 * the environment variable {@code SWITCHBOARD_FACEBOOK_TOKEN_<NAME>}.
 *
 * @param name the Page's name in Switchboard (the connector id is {@code facebook:<name>})
 * @param pageId the Page's Graph id
 * @param startFrom where polling starts when there is no cursor yet (epoch seconds); empty = all
 */
@EachProperty(FacebookSettings.PREFIX + ".pages")
public record FacebookPageSettings(
    @Parameter String name, @NotBlank String pageId, @Nullable Long startFrom) {}
