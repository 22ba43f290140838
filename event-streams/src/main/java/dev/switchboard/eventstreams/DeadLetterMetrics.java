package dev.switchboard.eventstreams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Counts every record the binder sends to a dead-letter topic ({@code switchboard.dead.letters},
 * tags {@code topic}, {@code group} and {@code reason} = the root cause's simple class name),
 * keeping the default choice of partition (the original one). The binder calls this exactly once
 * per dead-lettered record, which makes it the one place where the count cannot drift.
 */
public final class DeadLetterMetrics implements DlqPartitionFunction {

  /** The counter's name; Prometheus shows it as {@code switchboard_dead_letters_total}. */
  public static final String NAME = "switchboard.dead.letters";

  private final MeterRegistry meters;

  /** Counts into the given registry. */
  public DeadLetterMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable cause) {
    Counter.builder(NAME)
        .description("Records sent to a dead-letter topic after they could not be processed")
        .tag("topic", record.topic())
        .tag("group", String.valueOf(group))
        .tag("reason", rootCause(cause).getClass().getSimpleName())
        .register(meters)
        .increment();
    return record.partition();
  }

  private static Throwable rootCause(Throwable cause) {
    Throwable current = cause;
    while (current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
