package dev.switchboard.ingest.connectors.config;

import java.util.Locale;

/** How an account's secret is named in the environment: the same rule for every platform. */
public final class SecretVariables {

  private SecretVariables() {}

  /**
   * {@code prefix} then the account's {@code name} upper-cased, every character other than A–Z and
   * 0–9 as {@code _}: {@code ("SWITCHBOARD_YOUTUBE_TOKEN_", "main-site")} gives {@code
   * SWITCHBOARD_YOUTUBE_TOKEN_MAIN_SITE}.
   */
  public static String of(String prefix, String name) {
    StringBuilder variable = new StringBuilder(prefix);
    for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
      variable.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return variable.toString();
  }
}
