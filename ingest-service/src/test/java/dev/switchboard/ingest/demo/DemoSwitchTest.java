package dev.switchboard.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo exists only when configured on: production never posts to itself by accident. */
class DemoSwitchTest {

  @Test
  void isOffByDefault() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.containsBean(DemoRunner.class)).isFalse();
      DemoSettings settings = context.getBean(DemoSettings.class);
      assertThat(settings.account()).isEqualTo("demo-trust");
      assertThat(settings.rate()).isEqualTo(30.0);
      assertThat(settings.corpus()).isEqualTo(Corpus.DEFAULT_RESOURCE);
    }
  }

  @Test
  void isOnWhenEnabled() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("switchboard.demo.enabled", "true"))) {
      assertThat(context.containsBean(DemoRunner.class)).isTrue();
    }
  }
}
