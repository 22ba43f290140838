package dev.switchboard.moderation.messaging;

import dev.switchboard.moderation.domain.Observation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * The stream consumer behind the {@code observe-in-0} binding (group {@code moderation}): reads the
 * record and hands it to {@link Observation}; counts what that did.
 */
public final class ObserveConsumer implements Consumer<Message<byte[]>> {

  private final ClassifiedEventReader reader;
  private final Observation observation;
  private final MeterRegistry meters;

  /** The consumer with its reader, domain service and metrics. */
  public ObserveConsumer(
      ClassifiedEventReader reader, Observation observation, MeterRegistry meters) {
    this.reader = reader;
    this.observation = observation;
    this.meters = meters;
  }

  @Override
  public void accept(Message<byte[]> message) {
    Observation.Outcome outcome = observation.observe(reader.read(message));
    Counter.builder("switchboard.moderation.observed")
        .description("Classified events seen, by whether they were new or redelivered")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(meters)
        .increment();
  }
}
