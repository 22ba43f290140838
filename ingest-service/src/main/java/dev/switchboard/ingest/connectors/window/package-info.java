/** Polling by re-reading an edit window, for platforms that cannot say what changed. */
package dev.switchboard.ingest.connectors.window;
