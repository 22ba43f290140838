package dev.switchboard.ingest.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** application.yml's Facebook defaults bind as documented, and Pages bind from their names. */
class FacebookSettingsTest {

  @Test
  void defaultsBindIncludingAUrlWithAColon() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "switchboard.connectors.facebook.pages.main-page.page-id", "1234",
                "switchboard.connectors.facebook.pages.main-page.start-from", "1764000000"))) {
      FacebookSettings settings = context.getBean(FacebookSettings.class);
      assertThat(settings.graphUrl()).isEqualTo("https://graph.facebook.com");
      assertThat(settings.graphVersion()).isEqualTo("v21.0");
      assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
      assertThat(settings.pollingEnabled()).isTrue();
      assertThat(context.getBeansOfType(FacebookPageSettings.class))
          .singleElement()
          .isEqualTo(new FacebookPageSettings("main-page", "1234", 1_764_000_000L));
      assertThat(FacebookSecrets.tokenVariable("main-page"))
          .isEqualTo("SWITCHBOARD_FACEBOOK_TOKEN_MAIN_PAGE");
    }
  }
}
