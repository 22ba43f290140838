package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import jakarta.validation.constraints.NotBlank;

/**
 * One RSS or Atom feed to watch: {@code switchboard.connectors.feeds.<name>.url}.
 *
 * @param name the feed's name in Switchboard: the events' account, the connector id {@code
 *     rss:<name>}
 * @param url the feed's http(s) URL
 */
@EachProperty("switchboard.connectors.feeds")
public record FeedSettings(@Parameter String name, @NotBlank String url) {}
