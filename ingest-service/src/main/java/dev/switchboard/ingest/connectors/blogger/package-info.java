/**
 * The Blogger connector: polls a blog's comments of every configured status with {@code
 * comments.listByBlog}, finds new, changed and emptied comments by comparing with what it has
 * published, and keeps its cursor in the cursor topic.
 */
package dev.switchboard.ingest.connectors.blogger;
