package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

/** On a machine without a Docker engine the Testcontainers mode skips, and quickly. */
class ContainerModeWithoutDockerIT {

  @BeforeEach
  void onlyWithoutDocker() {
    assumeFalse(
        DockerClientFactory.instance().isDockerAvailable(),
        "a Docker engine is reachable here: this checks the machines without one");
  }

  @Test
  void aClassOnTheTestcontainersModeIsAbortedWithTheReasonNotFailed() {
    EngineExecutionResults results =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(InfrastructureMode.PROPERTY, "testcontainers")
                    .selectors(selectClass(NeedsInfrastructure.class))
                    .execute());

    results.containerEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
    results.testEvents().assertStatistics(stats -> stats.started(0).failed(0));
    assertThat(results.containerEvents().aborted().stream())
        .singleElement()
        .satisfies(
            event ->
                assertThat(
                        event
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                            .orElseThrow())
                    .hasMessageContaining("no Docker engine is reachable")
                    .hasMessageContaining("embedded"));
  }

  @Test
  void askingForTheSharedTestcontainersInfrastructureSaysWhyItCannot() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThatThrownBy(() -> SharedInfrastructure.get(InfrastructureMode.TESTCONTAINERS))
                .isInstanceOf(InfrastructureUnavailableException.class)
                .hasMessageContaining("switchboard.infra=testcontainers"));
  }

  /** Run only through the test kit above. */
  @WithInfrastructure
  static class NeedsInfrastructure {
    @Test
    void usesIt(Infrastructure infrastructure) {
      assertThat(infrastructure.kafkaBootstrapServers()).isNotBlank();
    }
  }
}
