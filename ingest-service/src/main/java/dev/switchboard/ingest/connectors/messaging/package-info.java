/** Kafka adapters of the connectors: the cursor store on the compacted topic and the event sink. */
package dev.switchboard.ingest.connectors.messaging;
