package dev.switchboard.infra;

/**
 * The chosen infrastructure cannot exist on this machine (Testcontainers without a Docker engine):
 * a reason to skip, not a test failure. {@link InfrastructureExtension} turns it into an abort.
 */
public final class InfrastructureUnavailableException extends RuntimeException {

  InfrastructureUnavailableException(String message) {
    super(message);
  }
}
