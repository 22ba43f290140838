package dev.switchboard.response.config;

import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.response.cases.CaseIntake;
import dev.switchboard.response.cases.CaseStore;
import dev.switchboard.response.cases.Transactions;
import dev.switchboard.response.cases.messaging.ClassifiedEventReader;
import dev.switchboard.response.cases.messaging.ClassifiedEventsConsumer;
import dev.switchboard.response.cases.messaging.OutboxRelay;
import dev.switchboard.response.cases.persistence.JdbcOutbox;
import dev.switchboard.response.search.PostIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the case intake, its Kafka function and the outbox relay. The function's retry template
 * ({@code switchboard.retry.*}) and the dead-letter counter come from the event-streams library.
 */
@Configuration(proxyBeanMethods = false)
public class CasesConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  CaseIntake caseIntake(
      CaseStore store, Transactions transactions, PostIndex postIndex, Clock clock) {
    return new CaseIntake(store, transactions, postIndex, clock);
  }

  /** Binding {@code classifiedEvents-in-0}; destination and group in application.yml. */
  @Bean
  ClassifiedEventsConsumer classifiedEvents(
      ContractJson contractJson, CaseIntake intake, MeterRegistry meters) {
    return new ClassifiedEventsConsumer(new ClassifiedEventReader(contractJson), intake, meters);
  }

  @Bean
  OutboxRelay outboxRelay(
      JdbcOutbox outbox,
      Producer<String, byte[]> outboxProducer,
      Clock clock,
      ResponseProperties properties,
      MeterRegistry meters) {
    Gauge.builder("switchboard.outbox.pending", outbox, JdbcOutbox::pending)
        .description("case events committed but not yet acknowledged by Kafka")
        .register(meters);
    return new OutboxRelay(
        outbox,
        outboxProducer,
        clock,
        properties.outbox().batchSize(),
        properties.outbox().sendTimeout());
  }

  /** Runs the relay on a fixed delay, so runs never overlap. */
  @Bean
  OutboxSchedule outboxSchedule(OutboxRelay relay) {
    return new OutboxSchedule(relay);
  }

  /** The scheduled trigger of the relay. */
  static final class OutboxSchedule {
    private final OutboxRelay relay;

    OutboxSchedule(OutboxRelay relay) {
      this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${switchboard.response.outbox.relay-interval}")
    void relay() {
      relay.relayPending();
    }
  }
}
