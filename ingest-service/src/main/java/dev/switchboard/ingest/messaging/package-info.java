/**
 * The Kafka side: producing channel events with their CloudEvents headers, creating the topics at
 * start, and the broker health check. Plain kafka-clients, no micronaut-kafka, so that a webhook is
 * answered only after the broker's acknowledgement.
 */
package dev.switchboard.ingest.messaging;
