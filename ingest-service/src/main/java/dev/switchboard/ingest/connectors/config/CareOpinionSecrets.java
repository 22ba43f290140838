package dev.switchboard.ingest.connectors.config;

import java.util.Map;
import java.util.Optional;

/**
 * Care Opinion subscription keys (the HTTP header key), from the environment only: {@code
 * SWITCHBOARD_CARE_OPINION_KEY_<NAME>} per service (NAME upper-cased, other than A–Z and 0–9 as
 * {@code _}), else the one {@code SWITCHBOARD_CARE_OPINION_KEY} for every service. Never printed.
 */
public final class CareOpinionSecrets {

  /** The key every service falls back to. */
  public static final String SHARED_KEY = "SWITCHBOARD_CARE_OPINION_KEY";

  private final Map<String, String> environment;

  private CareOpinionSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment} (typically {@code System.getenv()}). */
  public static CareOpinionSecrets fromEnvironment(Map<String, String> environment) {
    return new CareOpinionSecrets(environment);
  }

  /** The variable holding the key of the service named {@code name}. */
  public static String keyVariable(String name) {
    return SecretVariables.of(SHARED_KEY + "_", name);
  }

  /** The key of {@code name}: its own variable, else the shared one, if either is set. */
  public Optional<String> key(String name) {
    return value(keyVariable(name)).or(() -> value(SHARED_KEY));
  }

  private Optional<String> value(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "CareOpinionSecrets[hidden]";
  }
}
