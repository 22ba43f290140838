package dev.switchboard.infra;

import java.util.Locale;

/** Which infrastructure tests run on, chosen by the system property {@value #PROPERTY}. */
public enum InfrastructureMode {
  /** Child processes started from Maven Central artifacts; needs nothing installed (default). */
  EMBEDDED,
  /** The production images on a Docker engine through Testcontainers. */
  TESTCONTAINERS;

  /** The system property (and JUnit configuration parameter) that selects the mode. */
  public static final String PROPERTY = "switchboard.infra";

  /** The mode named by {@code value}; blank or absent means {@link #EMBEDDED}. */
  public static InfrastructureMode parse(String value) {
    if (value == null || value.isBlank()) {
      return EMBEDDED;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          PROPERTY + "=" + value + " is not a mode: use embedded or testcontainers", e);
    }
  }

  /** The mode selected by the system property {@value #PROPERTY}. */
  public static InfrastructureMode fromSystemProperty() {
    return parse(System.getProperty(PROPERTY));
  }
}
