package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * An item's content and metadata as captured just before a moderation action.
 *
 * @param capturedAt when it was captured
 * @param text the item's text at that moment
 * @param metadata platform metadata (author, timestamps, visibility) as strings
 * @param raw the platform's payload as fetched, verbatim
 * @param sha256 lower-case hex SHA-256 of the UTF-8 bytes of {@code raw} (or of {@code text} when
 *     the platform gave no payload)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
    Instant capturedAt, String text, Map<String, String> metadata, String raw, String sha256) {}
