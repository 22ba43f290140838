/**
 * Contract records on Spring Cloud Stream's Kafka binder, the same way in every Spring service:
 * {@link dev.switchboard.eventstreams.ContractJson} reads a record value into a contracts type and
 * fails with an {@link dev.switchboard.eventstreams.UnreadableRecordException} whose reason names
 * fields and positions only; {@link dev.switchboard.eventstreams.ConsumerRetry} retries everything
 * but such a record; {@link dev.switchboard.eventstreams.DeadLetterMetrics} counts each dead
 * letter; {@link dev.switchboard.eventstreams.CloudEventEnvelope} writes the CloudEvents headers.
 * {@link dev.switchboard.eventstreams.EventStreamsAutoConfiguration} gives a service the retry
 * template, its settings and the dead-letter counter without declaring them.
 */
package dev.switchboard.eventstreams;
