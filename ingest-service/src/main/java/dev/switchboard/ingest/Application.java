package dev.switchboard.ingest;

import io.micronaut.runtime.Micronaut;

/** Starts the ingest service: webhook endpoints that turn platform posts into channel events. */
public final class Application {

  private Application() {}

  /** Runs the service until the JVM is stopped. */
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
