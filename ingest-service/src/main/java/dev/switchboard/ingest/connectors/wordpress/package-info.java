/**
 * The WordPress connector: polls a blog's comments of every configured status, finds new comments
 * and edits by comparing with what it has published, and keeps its cursor in the cursor topic.
 */
package dev.switchboard.ingest.connectors.wordpress;
