package dev.switchboard.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared webhook secret of each account, read from environment variables named {@code
 * SWITCHBOARD_WEBHOOK_SECRET_<ACCOUNT>}, where ACCOUNT is the account id upper-cased with every
 * character other than A–Z and 0–9 replaced by {@code _} (account {@code acme-trust} → {@code
 * SWITCHBOARD_WEBHOOK_SECRET_ACME_TRUST}). Build it with {@code fromEnvironment(System.getenv())}
 * in production and with a plain map in tests. Secrets never appear in {@link #toString()}.
 */
public final class WebhookSecrets {

  /** The prefix of every secret variable. */
  public static final String VARIABLE_PREFIX = "SWITCHBOARD_WEBHOOK_SECRET_";

  private final Map<String, String> environment;

  private WebhookSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code environment}, a snapshot taken now (typically {@code System.getenv()}). */
  public static WebhookSecrets fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    return new WebhookSecrets(environment);
  }

  /** The name of the environment variable that holds {@code account}'s secret. */
  public static String variableName(String account) {
    Objects.requireNonNull(account, "account");
    if (account.isEmpty()) {
      throw new IllegalArgumentException("account is empty");
    }
    StringBuilder name = new StringBuilder(VARIABLE_PREFIX);
    for (char c : account.toUpperCase(Locale.ROOT).toCharArray()) {
      name.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return name.toString();
  }

  /** The secret's UTF-8 bytes, or empty when the account has none (or a blank one). */
  public Optional<byte[]> secretFor(String account) {
    String value = environment.get(variableName(account));
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    long configured =
        environment.entrySet().stream()
            .filter(e -> e.getKey().startsWith(VARIABLE_PREFIX) && !e.getValue().isBlank())
            .count();
    return "WebhookSecrets[" + configured + " accounts configured]";
  }
}
