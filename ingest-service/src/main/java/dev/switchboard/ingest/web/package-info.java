/**
 * HTTP concerns shared by every endpoint: errors as RFC 9457 problem details ({@code
 * application/problem+json}), for the service's own answers and for Micronaut's (404, 405, 413,
 * 415...).
 */
package dev.switchboard.ingest.web;
