package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.XSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/** For the {@code x-it} environment: X's tokens as the environment would give them. */
@Factory
@Requires(env = XTestBeans.ENVIRONMENT)
public class XTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "x-it";

  @Singleton
  @Replaces(XSecrets.class)
  XSecrets secrets() {
    return XSecrets.fromEnvironment(
        Map.of(
            XSecrets.tokenVariable("trust"), "user-trust",
            XSecrets.tokenVariable("storm"), "user-storm",
            XSecrets.tokenVariable("broken"), "user-broken",
            XSecrets.tokenVariable("restart"), "user-restart",
            XSecrets.tokenVariable("nodm"), "user-nodm"));
  }
}
