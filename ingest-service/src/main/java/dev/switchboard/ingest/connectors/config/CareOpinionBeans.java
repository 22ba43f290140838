package dev.switchboard.ingest.connectors.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Care Opinion connectors' plain-Java collaborators. */
@Factory
public class CareOpinionBeans {

  /** Care Opinion subscription keys from the process environment; tests replace this bean. */
  @Singleton
  CareOpinionSecrets careOpinionSecrets() {
    return CareOpinionSecrets.fromEnvironment(System.getenv());
  }
}
