package dev.switchboard.ingest.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The demo source ({@code switchboard.demo.*} in application.yml).
 *
 * @param enabled whether the service plays the demo corpus to itself (off in production)
 * @param account the account it posts as; it needs a webhook secret like any other
 * @param rate posts a minute
 * @param corpus the classpath resource of the corpus (JSONL)
 */
@ConfigurationProperties(DemoSettings.PREFIX)
public record DemoSettings(
    boolean enabled, @NotBlank String account, @Positive double rate, @NotBlank String corpus) {

  /** The configuration prefix. */
  public static final String PREFIX = "switchboard.demo";
}
