/**
 * Local stand-ins for the social platforms, for tests: HTTP servers that follow each platform's
 * documented request and response shapes, paging, error bodies and rate-limit headers, whose
 * content can be changed while they run, and which can be told to fail.
 */
package dev.switchboard.fakes;
