package dev.switchboard.channels.instagram;

import java.time.Instant;

/**
 * One media object of the account ({@code GET /{ig-user-id}/media}).
 *
 * @param id the IG media id
 * @param caption the caption, null when it has none
 * @param permalink the link to it on Instagram, may be null
 * @param timestamp when it was published
 * @param commentsCount how many comments Instagram counts on it (replies included), -1 if not given
 * @param raw the media's JSON as parsed from the answer
 */
public record InstagramMedia(
    String id,
    String caption,
    String permalink,
    Instant timestamp,
    int commentsCount,
    String raw) {}
