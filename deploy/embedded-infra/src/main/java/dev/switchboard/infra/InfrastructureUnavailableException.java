package dev.switchboard.infra;

import org.opentest4j.TestAbortedException;

/**
 * The chosen infrastructure cannot exist on this machine (Testcontainers without a Docker engine):
 * a reason to skip, not a test failure. It is a {@link TestAbortedException}, so a test that asks
 * {@link SharedInfrastructure} directly (a Micronaut {@code TestPropertyProvider}, say) is skipped
 * just as one under {@link InfrastructureExtension} is.
 */
public final class InfrastructureUnavailableException extends TestAbortedException {

  private static final long serialVersionUID = 1L;

  InfrastructureUnavailableException(String message) {
    super(message);
  }
}
