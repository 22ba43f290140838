package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/**
 * One WordPress blog to watch: {@code switchboard.connectors.wordpress.blogs.<name>.*}. Its
 * application password is the environment variable {@code SWITCHBOARD_WORDPRESS_PASSWORD_<NAME>}.
 *
 * @param name the blog's name in Switchboard (the connector id is {@code wordpress:<name>})
 * @param baseUrl the site's address, e.g. {@code https://blog.example.nhs.uk} (a path is allowed:
 *     {@code https://example.nhs.uk/news}); the REST API is under {@code /wp-json}
 * @param blogId the account the events carry (stable: it is part of every item id)
 * @param user the WordPress user the application password belongs to (an editor or moderator)
 * @param startFrom where polling starts when there is no cursor yet (epoch seconds); empty = all
 */
@EachProperty(WordPressSettings.PREFIX + ".blogs")
public record WordPressBlogSettings(
    @Parameter String name,
    @NotBlank String baseUrl,
    @NotBlank String blogId,
    @NotBlank String user,
    @Nullable Long startFrom) {}
