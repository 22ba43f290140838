package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;

class DeadLetterMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DeadLetterMetrics deadLetters = new DeadLetterMetrics(meters);

  @Test
  void countsByTopicGroupAndRootCauseAndKeepsTheOriginalPartition() {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>("switchboard.channel-events.v1", 4, 17L, "key", new byte[0]);
    Throwable failure =
        new MessageHandlingException(
            MessageBuilder.withPayload(new byte[0]).build(),
            new UnreadableRecordException("not a JSON ChannelEvent"));

    Integer partition = deadLetters.apply("classify", record, failure);
    deadLetters.apply("classify", record, failure);

    assertThat(partition).isEqualTo(4);
    assertThat(
            meters
                .get("switchboard.dead.letters")
                .tag("topic", "switchboard.channel-events.v1")
                .tag("group", "classify")
                .tag("reason", "UnreadableRecordException")
                .counter()
                .count())
        .isEqualTo(2.0);
  }
}
