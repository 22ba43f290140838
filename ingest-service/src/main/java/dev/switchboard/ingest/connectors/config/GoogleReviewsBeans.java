package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Google reviews connectors' collaborators that come from outside the configuration. */
@Factory
public class GoogleReviewsBeans {

  /** The locations' tokens from the process environment; tests replace this bean. */
  @Singleton
  GoogleReviewsSecrets googleReviewsSecrets() {
    return GoogleReviewsSecrets.fromEnvironment(System.getenv());
  }
}
