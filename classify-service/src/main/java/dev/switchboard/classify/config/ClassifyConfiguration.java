package dev.switchboard.classify.config;

import dev.switchboard.classify.domain.Classifier;
import dev.switchboard.classify.domain.PlaceholderRuleClassifier;
import dev.switchboard.classify.messaging.ClassifyFunction;
import dev.switchboard.classify.messaging.DeadLetterMetrics;
import dev.switchboard.classify.messaging.EventJson;
import dev.switchboard.classify.messaging.UnreadableRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** Wires the plain-Java classifier into the {@code classify} stream function. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetrySettings.class)
public class ClassifyConfiguration {

  /**
   * The consumer's retry policy (binding property {@code retry-template-name}). Declared here
   * because the binder's {@code retryable-exceptions} map cannot be bound from YAML under Boot 4 (a
   * class name is not a valid property name). A record that can never be read is not retried.
   */
  @Bean
  @StreamRetryTemplate
  RetryTemplate consumerRetry(RetrySettings settings) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(settings.maxAttempts() - 1L)
            .delay(settings.initialDelay())
            .multiplier(settings.multiplier())
            .maxDelay(settings.maxDelay())
            .predicate(failure -> !causedBy(failure, UnreadableRecordException.class))
            .build();
    return new RetryTemplate(policy);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Wall clock in UTC; tests put a fixed {@code @Primary} clock beside it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Classifier classifier(Clock clock) {
    return new PlaceholderRuleClassifier(clock);
  }

  @Bean
  EventJson eventJson(JsonMapper jsonMapper) {
    return new EventJson(jsonMapper);
  }

  /** The bean name is the function definition and the prefix of the binding names. */
  @Bean
  Function<Message<byte[]>, Message<byte[]>> classify(
      Classifier classifier, EventJson eventJson, MeterRegistry meters) {
    return new ClassifyFunction(classifier, eventJson, meters);
  }

  @Bean
  DlqPartitionFunction deadLetterMetrics(MeterRegistry meters) {
    return new DeadLetterMetrics(meters);
  }
}
