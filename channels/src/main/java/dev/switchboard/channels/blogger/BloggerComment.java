package dev.switchboard.channels.blogger;

import java.time.Instant;

/**
 * One comment as {@code comments.listByBlog} returned it.
 *
 * @param id the comment id
 * @param postId the post it is on ({@code post.id})
 * @param inReplyToId the comment it replies to ({@code inReplyTo.id}), null for a top-level one
 * @param authorId {@code author.id}, may be null
 * @param authorName {@code author.displayName}, may be null
 * @param authorUrl {@code author.url}, may be null
 * @param published when it was written
 * @param updated when it last changed (e.g. its content removed), may be null
 * @param contentHtml {@code content}: HTML, empty once removed
 * @param status {@code live}, {@code emptied}, {@code pending} or {@code spam} (may be absent)
 * @param raw the comment's JSON exactly as parsed from the answer
 */
public record BloggerComment(
    String id,
    String postId,
    String inReplyToId,
    String authorId,
    String authorName,
    String authorUrl,
    Instant published,
    Instant updated,
    String contentHtml,
    String status,
    String raw) {}
