/**
 * RSS 2.0 and Atom feeds: a conditional-GET client and a StAX parser that refuses DTDs (feeds are
 * untrusted XML). Plain Java over the {@code http} core.
 */
package dev.switchboard.channels.feeds;
