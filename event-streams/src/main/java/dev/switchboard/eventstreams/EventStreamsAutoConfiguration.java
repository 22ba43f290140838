package dev.switchboard.eventstreams;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Spring service gets by having this library on its class path: the {@code
 * switchboard.retry.*} settings, the {@value ConsumerRetry#BEAN_NAME} retry template for its
 * consumer bindings, the dead-letter counter and a {@link ContractJson} over its Jackson 3 mapper.
 * A bean of its own with the same name or type replaces each.
 */
@AutoConfiguration
@EnableConfigurationProperties(RetrySettings.class)
public class EventStreamsAutoConfiguration {

  /** Named by the bindings' {@code retry-template-name}. */
  @Bean(ConsumerRetry.BEAN_NAME)
  @StreamRetryTemplate
  @ConditionalOnMissingBean(name = ConsumerRetry.BEAN_NAME)
  RetryTemplate consumerRetry(RetrySettings settings) {
    return ConsumerRetry.template(settings);
  }

  @Bean
  @ConditionalOnMissingBean(DlqPartitionFunction.class)
  DlqPartitionFunction deadLetterMetrics(MeterRegistry meters) {
    return new DeadLetterMetrics(meters);
  }

  @Bean
  @ConditionalOnMissingBean
  ContractJson contractJson(JsonMapper jsonMapper) {
    return new ContractJson(jsonMapper);
  }
}
