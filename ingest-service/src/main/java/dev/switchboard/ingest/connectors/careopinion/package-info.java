/**
 * The Care Opinion connector: stories about the trust's services (by ODS code) and the responses
 * published on them, re-read over a recent window so edits, new responses and withdrawals are seen.
 */
package dev.switchboard.ingest.connectors.careopinion;
