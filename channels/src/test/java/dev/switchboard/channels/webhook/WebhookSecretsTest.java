package dev.switchboard.channels.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

  @Test
  void namesTheVariableFromTheAccount() {
    assertThat(WebhookSecrets.variableName("acme-trust"))
        .isEqualTo("SWITCHBOARD_WEBHOOK_SECRET_ACME_TRUST");
    assertThat(WebhookSecrets.variableName("Page.1234/x y"))
        .isEqualTo("SWITCHBOARD_WEBHOOK_SECRET_PAGE_1234_X_Y");
    assertThat(WebhookSecrets.variableName("RX1")).isEqualTo("SWITCHBOARD_WEBHOOK_SECRET_RX1");
    assertThat(WebhookSecrets.variableName("café")).isEqualTo("SWITCHBOARD_WEBHOOK_SECRET_CAF_");
  }

  @Test
  void refusesAnEmptyAccount() {
    assertThatThrownBy(() -> WebhookSecrets.variableName(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsTheSecretOfEachAccount() {
    WebhookSecrets secrets =
        WebhookSecrets.fromEnvironment(
            Map.of(
                "SWITCHBOARD_WEBHOOK_SECRET_ACME_TRUST", "one",
                "SWITCHBOARD_WEBHOOK_SECRET_OTHER", "two",
                "PATH", "/usr/bin"));

    assertThat(secrets.secretFor("acme-trust")).hasValueSatisfying(s -> assertSecret(s, "one"));
    assertThat(secrets.secretFor("ACME_TRUST")).hasValueSatisfying(s -> assertSecret(s, "one"));
    assertThat(secrets.secretFor("other")).hasValueSatisfying(s -> assertSecret(s, "two"));
    assertThat(secrets.secretFor("unknown")).isEmpty();
  }

  @Test
  void treatsABlankSecretAsNone() {
    WebhookSecrets secrets =
        WebhookSecrets.fromEnvironment(Map.of("SWITCHBOARD_WEBHOOK_SECRET_ACME", " "));
    assertThat(secrets.secretFor("acme")).isEmpty();
  }

  @Test
  void keepsASnapshotAndNeverPrintsSecrets() {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("SWITCHBOARD_WEBHOOK_SECRET_ACME", "hunter2");
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(env);
    env.clear();

    assertThat(secrets.secretFor("acme")).isPresent();
    assertThat(secrets.toString()).doesNotContain("hunter2").contains("1 accounts");
  }

  private static void assertSecret(byte[] actual, String expected) {
    assertThat(new String(actual, UTF_8)).isEqualTo(expected);
  }
}
