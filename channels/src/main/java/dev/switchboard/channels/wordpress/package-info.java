/**
 * WordPress over its REST API: polling a blog's comments of every status ({@link
 * dev.switchboard.channels.wordpress.WordPressClient}) with an application password, and the REST
 * API's error body and paging headers ({@link dev.switchboard.channels.wordpress.WordPressRules}).
 * Plain records, no dependency injection.
 */
package dev.switchboard.channels.wordpress;
