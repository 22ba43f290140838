package dev.switchboard.classify.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Counts every record the binder sends to a dead-letter topic ({@code switchboard.dead.letters}),
 * keeping the default choice of partition (the original one). The binder calls this exactly once
 * per dead-lettered record, which makes it the one place where the count cannot drift.
 */
public final class DeadLetterMetrics implements DlqPartitionFunction {

  private final MeterRegistry meters;

  /** Counts into the given registry. */
  public DeadLetterMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable cause) {
    Counter.builder("switchboard.dead.letters")
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
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }
}
