package dev.switchboard.ingest.connectors.web;

import dev.switchboard.ingest.connectors.config.BloggerSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;

/** For the {@code blogger-it} environment: Blogger credentials as the environment gives them. */
@Factory
@Requires(env = BloggerTestBeans.ENVIRONMENT)
public class BloggerTestBeans {

  /** The Micronaut environment that activates these beans. */
  public static final String ENVIRONMENT = "blogger-it";

  /** Every test blog's OAuth access token. */
  public static final String TOKEN = "ya29.it-token";

  @Singleton
  @Replaces(BloggerSecrets.class)
  BloggerSecrets secrets() {
    return BloggerSecrets.fromEnvironment(
        Map.of(
            BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, "trust"), TOKEN,
            BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, "storm"), TOKEN,
            BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, "broken"), TOKEN,
            BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, "restart"), TOKEN));
  }
}
