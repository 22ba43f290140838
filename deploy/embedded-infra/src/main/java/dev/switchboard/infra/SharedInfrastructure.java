package dev.switchboard.infra;

/**
 * The one infrastructure of this JVM: started lazily by the first caller, shared by every test
 * class after it, stopped by a JVM shutdown hook. A start that failed is not retried, so one broken
 * start costs one timeout, not one per test class.
 */
public final class SharedInfrastructure {

  private static Infrastructure instance;
  private static InfrastructureMode instanceMode;
  private static RuntimeException startFailure;
  private static int starts;

  private SharedInfrastructure() {}

  /**
   * The shared infrastructure in the mode of the system property {@value
   * InfrastructureMode#PROPERTY}.
   */
  public static Infrastructure get() {
    return get(InfrastructureMode.fromSystemProperty());
  }

  /**
   * The shared infrastructure in {@code mode}, starting it on the first call.
   *
   * @throws InfrastructureUnavailableException in Testcontainers mode without a Docker engine
   * @throws IllegalStateException if it failed to start, or runs already in the other mode
   */
  public static synchronized Infrastructure get(InfrastructureMode mode) {
    if (instance != null && instanceMode == mode) {
      return instance;
    }
    if (mode == InfrastructureMode.TESTCONTAINERS) {
      TestcontainersInfrastructure.requireDocker();
    }
    if (instance != null) {
      throw new IllegalStateException(
          "the shared infrastructure already runs in "
              + instanceMode
              + " mode; one JVM uses one mode, asked for "
              + mode);
    }
    if (startFailure != null) {
      throw new IllegalStateException(
          "the shared infrastructure failed to start earlier in this JVM", startFailure);
    }
    try {
      Infrastructure started =
          mode == InfrastructureMode.TESTCONTAINERS
              ? TestcontainersInfrastructure.start()
              : EmbeddedInfrastructure.start(EmbeddedInfrastructure.Options.defaults());
      starts++;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "switchboard-infra-shutdown"));
      instance = started;
      instanceMode = mode;
      return started;
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
  }

  /** How many times this JVM started the shared infrastructure: 0 or 1, never more. */
  public static synchronized int starts() {
    return starts;
  }
}
