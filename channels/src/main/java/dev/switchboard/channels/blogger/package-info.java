/**
 * Blogger over the Blogger API v3: polling a blog's comments of every status ({@link
 * dev.switchboard.channels.blogger.BloggerClient}, {@code comments.listByBlog}) with an API key or
 * an OAuth bearer token. Plain records, no dependency injection.
 */
package dev.switchboard.channels.blogger;
