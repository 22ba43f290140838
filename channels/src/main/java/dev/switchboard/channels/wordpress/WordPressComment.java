package dev.switchboard.channels.wordpress;

import java.time.Instant;

/**
 * One comment as {@code GET /wp/v2/comments} returned it.
 *
 * @param id the comment id
 * @param postId the post it is on ({@code post})
 * @param parentId the comment it replies to, null for a top-level comment ({@code parent} 0)
 * @param authorUserId the author's user id, null for a visitor without an account ({@code author}
 *     0)
 * @param authorName the name the author gave, may be null
 * @param authorUrl the website the author gave, may be null
 * @param dateGmt when it was written ({@code date_gmt}, UTC)
 * @param contentHtml {@code content.rendered}: HTML
 * @param link the comment's permalink, may be null
 * @param status {@code approved}, {@code hold}, {@code spam} or {@code trash}
 * @param type {@code comment}, {@code pingback}...
 * @param raw the comment's JSON exactly as parsed from the answer
 */
public record WordPressComment(
    String id,
    String postId,
    String parentId,
    String authorUserId,
    String authorName,
    String authorUrl,
    Instant dateGmt,
    String contentHtml,
    String link,
    String status,
    String type,
    String raw) {}
