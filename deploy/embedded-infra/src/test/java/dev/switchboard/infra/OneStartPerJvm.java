package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Called by every infrastructure IT before its tests: whichever class runs first records what it
 * got, and every later class must get the very same infrastructure, started once.
 */
final class OneStartPerJvm {

  private static final AtomicReference<String> FIRST = new AtomicReference<>();

  private OneStartPerJvm() {}

  static void check(Infrastructure infrastructure, Class<?> testClass) {
    String seen =
        System.identityHashCode(infrastructure)
            + " "
            + infrastructure.kafkaBootstrapServers()
            + " "
            + infrastructure.openSearchUrl()
            + " "
            + infrastructure.jdbcUrl("postgres");
    FIRST.compareAndSet(null, seen);
    assertThat(seen)
        .as("infrastructure seen by %s", testClass.getSimpleName())
        .isEqualTo(FIRST.get());
    assertThat(SharedInfrastructure.get()).isSameAs(infrastructure);
    assertThat(SharedInfrastructure.starts()).as("starts in this JVM").isEqualTo(1);
  }
}
