package dev.switchboard.ingest.connectors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The configured accounts of one platform. Implement it on a platform's singleton and the scheduler
 * polls its accounts and {@code GET /api/connectors} reports them, with no other change.
 */
public interface ConnectorGroup {

  /** The platform's name in connector ids ({@code <platform>:<account>}) and metric tags. */
  String platform();

  /**
   * Whether the platform is polled at all ({@code
   * switchboard.connectors.<platform>.polling-enabled}).
   */
  boolean pollingEnabled();

  /** How long to wait before trying again a connector that could not start or failed. */
  Duration pollInterval();

  /** The configured accounts that have their credentials, sorted; these are polled. */
  List<String> names();

  /**
   * The configured accounts without their credentials (not polled), each with what must be set,
   * e.g. the environment variable's name.
   */
  Map<String, String> missingCredentials();

  /** A new connector for account {@code name}, its cursor read from the cursor topic now. */
  Connector create(String name);

  /** The state of the circuit that account {@code name}'s requests go through. */
  String circuitState(String name);

  /** What is left of the platform's rate limit (0-100), as its last answer said, if it says. */
  default OptionalDouble rateLimitHeadroomPercent() {
    return OptionalDouble.empty();
  }

  /** Every configured account, polled or not, sorted. */
  default List<String> allNames() {
    return java.util.stream.Stream.concat(names().stream(), missingCredentials().keySet().stream())
        .sorted()
        .toList();
  }
}
