package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.databind.json.JsonMapper;

class EventStreamsAutoConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(EventStreamsAutoConfiguration.class))
          .withUserConfiguration(Infrastructure.class);

  @Configuration(proxyBeanMethods = false)
  static class Infrastructure {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    JsonMapper jsonMapper() {
      return JsonMapper.builder().build();
    }
  }

  @Test
  void aServiceGetsTheRetryTemplateItsSettingsTheDeadLetterCounterAndTheReader() {
    context
        .withPropertyValues("switchboard.retry.max-attempts=5", "switchboard.retry.max-delay=9s")
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              assertThat(app).hasBean(ConsumerRetry.BEAN_NAME);
              assertThat(app.getBean(ConsumerRetry.BEAN_NAME)).isInstanceOf(RetryTemplate.class);
              assertThat(app.getBean(RetrySettings.class))
                  .isEqualTo(
                      new RetrySettings(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(9)));
              assertThat(app.getBean(DlqPartitionFunction.class))
                  .isInstanceOf(DeadLetterMetrics.class);
              assertThat(app).hasSingleBean(ContractJson.class);
            });
  }

  @Test
  void invalidSettingsFailTheStartNamingTheKey() {
    context
        .withPropertyValues("switchboard.retry.max-attempts=0")
        .run(
            app ->
                assertThat(app)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("switchboard.retry.max-attempts must be at least 1"));
  }

  @Test
  void aServicesOwnBeansWin() {
    DlqPartitionFunction own = (group, record, cause) -> 0;
    RetryTemplate ownRetry = new RetryTemplate();
    context
        .withBean(ConsumerRetry.BEAN_NAME, RetryTemplate.class, () -> ownRetry)
        .withBean(DlqPartitionFunction.class, () -> own)
        .run(
            app -> {
              assertThat(app.getBean(ConsumerRetry.BEAN_NAME)).isSameAs(ownRetry);
              assertThat(app.getBean(DlqPartitionFunction.class)).isSameAs(own);
            });
  }
}
