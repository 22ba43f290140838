package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.CareOpinionSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/** For the {@code care-opinion-it} environment: subscription keys as the environment gives them. */
@Factory
@Requires(env = CareOpinionTestBeans.ENVIRONMENT)
public class CareOpinionTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "care-opinion-it";

  /** The one subscription key the fake accepts. */
  public static final String KEY = "header-key-it";

  @Singleton
  @Replaces(CareOpinionSecrets.class)
  CareOpinionSecrets secrets() {
    return CareOpinionSecrets.fromEnvironment(
        Map.of(
            CareOpinionSecrets.keyVariable("trust"), KEY,
            CareOpinionSecrets.keyVariable("storm"), KEY,
            CareOpinionSecrets.keyVariable("broken"), KEY,
            CareOpinionSecrets.keyVariable("restart"), KEY,
            CareOpinionSecrets.keyVariable("refused"), "not-the-key"));
  }
}
