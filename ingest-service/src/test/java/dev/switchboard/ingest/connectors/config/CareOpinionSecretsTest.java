package dev.switchboard.ingest.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CareOpinionSecretsTest {

  @Test
  void aServicesOwnKeyComesFirstThenTheSharedOne() {
    CareOpinionSecrets secrets =
        CareOpinionSecrets.fromEnvironment(
            Map.of(
                "SWITCHBOARD_CARE_OPINION_KEY_MENTAL_HEALTH", "own",
                "SWITCHBOARD_CARE_OPINION_KEY", "shared",
                "SWITCHBOARD_CARE_OPINION_KEY_BLANK", " "));
    assertThat(CareOpinionSecrets.keyVariable("mental-health"))
        .isEqualTo("SWITCHBOARD_CARE_OPINION_KEY_MENTAL_HEALTH");
    assertThat(secrets.key("mental-health")).contains("own");
    assertThat(secrets.key("acute")).contains("shared");
    assertThat(secrets.key("blank")).contains("shared");
    assertThat(secrets.toString()).doesNotContain("own").doesNotContain("shared");
    assertThat(CareOpinionSecrets.fromEnvironment(Map.of()).key("acute")).isEmpty();
  }
}
