/** The optional remote model's HTTP adapter: time-limited, behind a circuit, off by default. */
package dev.switchboard.classify.remote;
