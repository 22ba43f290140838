package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureModeTest {

  @Test
  void absentOrBlankMeansEmbedded() {
    assertThat(InfrastructureMode.parse(null)).isEqualTo(InfrastructureMode.EMBEDDED);
    assertThat(InfrastructureMode.parse(" ")).isEqualTo(InfrastructureMode.EMBEDDED);
  }

  @Test
  void namesAreCaseInsensitive() {
    assertThat(InfrastructureMode.parse("Testcontainers"))
        .isEqualTo(InfrastructureMode.TESTCONTAINERS);
    assertThat(InfrastructureMode.parse("embedded")).isEqualTo(InfrastructureMode.EMBEDDED);
  }

  @Test
  void aTypoIsAnErrorNamingTheChoices() {
    assertThatThrownBy(() -> InfrastructureMode.parse("docker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedded or testcontainers");
  }
}
