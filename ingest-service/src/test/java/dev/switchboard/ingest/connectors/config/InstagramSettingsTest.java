package dev.switchboard.ingest.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** application.yml's Instagram defaults bind as documented; secrets fall back to Facebook's. */
class InstagramSettingsTest {

  @Test
  void defaultsBindIncludingAUrlWithAColonAndAccountsBindFromTheirNames() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "switchboard.connectors.instagram.accounts.main-account.ig-user-id",
                "17841400000000000",
                "switchboard.connectors.instagram.accounts.main-account.page-id",
                "1234",
                "switchboard.connectors.instagram.accounts.comments-only.ig-user-id",
                "17841400000000001"))) {
      InstagramSettings settings = context.getBean(InstagramSettings.class);
      assertThat(settings.graphUrl()).isEqualTo("https://graph.facebook.com");
      assertThat(settings.graphVersion()).isEqualTo("v21.0");
      assertThat(settings.pollInterval()).isEqualTo(Duration.ofMinutes(5));
      assertThat(settings.maxMedia()).isEqualTo(25);
      assertThat(settings.pollingEnabled()).isTrue();
      assertThat(context.getBeansOfType(InstagramAccountSettings.class))
          .containsExactlyInAnyOrder(
              new InstagramAccountSettings("main-account", "17841400000000000", "1234"),
              new InstagramAccountSettings("comments-only", "17841400000000001", null));
    }
  }

  @Test
  void tokensAreNamedPerAccountAndTheWebhookSecretsFallBackToFacebooks() {
    assertThat(InstagramSecrets.tokenVariable("main-account"))
        .isEqualTo("SWITCHBOARD_INSTAGRAM_TOKEN_MAIN_ACCOUNT");
    InstagramSecrets shared =
        InstagramSecrets.fromEnvironment(
            Map.of(
                "SWITCHBOARD_FACEBOOK_APP_SECRET", "fb-secret",
                "SWITCHBOARD_FACEBOOK_VERIFY_TOKEN", "fb-verify"));
    assertThat(shared.appSecret()).contains("fb-secret");
    assertThat(shared.verifyToken()).contains("fb-verify");
    InstagramSecrets own =
        InstagramSecrets.fromEnvironment(
            Map.of(
                "SWITCHBOARD_FACEBOOK_APP_SECRET", "fb-secret",
                "SWITCHBOARD_INSTAGRAM_APP_SECRET", "ig-secret",
                "SWITCHBOARD_INSTAGRAM_TOKEN_MAIN_ACCOUNT", " "));
    assertThat(own.appSecret()).contains("ig-secret");
    assertThat(own.token("main-account")).isEmpty();
    assertThat(own.toString()).doesNotContain("secret\"").doesNotContain("ig-secret");
  }
}
