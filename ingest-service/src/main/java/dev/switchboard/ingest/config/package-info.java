/** Typed settings from {@code application.yml} and the beans built from them. */
package dev.switchboard.ingest.config;
