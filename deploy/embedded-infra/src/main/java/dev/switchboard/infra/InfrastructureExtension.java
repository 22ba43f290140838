package dev.switchboard.infra;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link SharedInfrastructure} before a test class and resolves {@link Infrastructure}
 * parameters. The mode comes from the JUnit configuration parameter or system property {@value
 * InfrastructureMode#PROPERTY}; in Testcontainers mode without a Docker engine the class is aborted
 * (skipped) with the reason, never failed.
 */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    infrastructure(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Infrastructure.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return infrastructure(context);
  }

  private static Infrastructure infrastructure(ExtensionContext context) {
    InfrastructureMode mode =
        InfrastructureMode.parse(
            context.getConfigurationParameter(InfrastructureMode.PROPERTY).orElse(null));
    try {
      return SharedInfrastructure.get(mode);
    } catch (InfrastructureUnavailableException e) {
      Assumptions.abort(e.getMessage());
      throw e; // not reached: abort always throws
    }
  }
}
