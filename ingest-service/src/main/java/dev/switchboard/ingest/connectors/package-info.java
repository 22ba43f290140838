/**
 * Connectors: one per configured platform account, polling or receiving, normalising into {@code
 * ChannelEvent} and publishing; polling cursors in the compacted cursor topic. The rules here and
 * in the per-platform packages are plain Java; Kafka, HTTP and Micronaut live in {@code messaging},
 * {@code web} and {@code config}.
 */
package dev.switchboard.ingest.connectors;
