package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.WordPressSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * For the {@code wordpress-it} environment: application passwords as the environment gives them.
 */
@Factory
@Requires(env = WordPressTestBeans.ENVIRONMENT)
public class WordPressTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "wordpress-it";

  /** Every test blog's application password. */
  public static final String PASSWORD = "abcd EFGH 1234 ijkl";

  @Singleton
  @Replaces(WordPressSecrets.class)
  WordPressSecrets secrets() {
    return WordPressSecrets.fromEnvironment(
        Map.of(
            WordPressSecrets.passwordVariable("trust"), PASSWORD,
            WordPressSecrets.passwordVariable("storm"), PASSWORD,
            WordPressSecrets.passwordVariable("broken"), PASSWORD,
            WordPressSecrets.passwordVariable("restart"), PASSWORD,
            WordPressSecrets.passwordVariable("schedule"), PASSWORD));
  }
}
