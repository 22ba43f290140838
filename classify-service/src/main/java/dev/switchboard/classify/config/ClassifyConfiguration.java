package dev.switchboard.classify.config;

import dev.switchboard.classify.domain.Classifier;
import dev.switchboard.classify.domain.PlaceholderRuleClassifier;
import dev.switchboard.classify.messaging.ClassifyFunction;
import dev.switchboard.eventstreams.ContractJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Wires the plain-Java classifier into the {@code classify} stream function. The retry template
 * ({@code switchboard.retry.*}) and the dead-letter counter come from the event-streams library.
 */
@Configuration(proxyBeanMethods = false)
public class ClassifyConfiguration {

  /** Wall clock in UTC; tests put a fixed {@code @Primary} clock beside it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Classifier classifier(Clock clock) {
    return new PlaceholderRuleClassifier(clock);
  }

  /** The bean name is the function definition and the prefix of the binding names. */
  @Bean
  Function<Message<byte[]>, Message<byte[]>> classify(
      Classifier classifier, ContractJson contractJson, MeterRegistry meters) {
    return new ClassifyFunction(classifier, contractJson, meters);
  }
}
