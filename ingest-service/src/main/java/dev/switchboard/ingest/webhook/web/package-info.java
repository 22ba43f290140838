/** The HTTP adapter of the generic webhook. */
package dev.switchboard.ingest.webhook.web;
