/**
 * The demo source: plays a shipped corpus of posts about a fictional trust through the service's
 * own signed generic webhook, so a local run shows a living system. Off unless {@code
 * switchboard.demo.enabled} is true.
 */
package dev.switchboard.ingest.demo;
