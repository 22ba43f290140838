package dev.switchboard.response.cases.messaging;

import dev.switchboard.eventstreams.UnreadableRecordException;
import dev.switchboard.response.cases.CaseIntake;
import dev.switchboard.response.cases.IncomingPost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * The {@code classifiedEvents} function bound to {@code switchboard.classified-events.v1}: converts
 * the record and delegates. Exceptions go back to the binder, which retries with backoff and then
 * dead-letters; an {@link UnreadableRecordException} is dead-lettered at once.
 */
public class ClassifiedEventsConsumer implements Consumer<Message<byte[]>> {

  private final ClassifiedEventReader reader;
  private final CaseIntake intake;
  private final Counter invalid;
  private final Counter duplicates;

  /** Creates the function over the reader and the intake, counting what it rejects. */
  public ClassifiedEventsConsumer(
      ClassifiedEventReader reader, CaseIntake intake, MeterRegistry meters) {
    this.reader = reader;
    this.intake = intake;
    this.invalid =
        Counter.builder("switchboard.classified.invalid")
            .description("classified-events records dead-lettered as unreadable or incomplete")
            .register(meters);
    this.duplicates =
        Counter.builder("switchboard.classified.duplicates")
            .description("classified-events records already processed, skipped")
            .register(meters);
  }

  @Override
  public void accept(Message<byte[]> message) {
    var post = readCounting(message.getPayload());
    if (intake.accept(post).duplicate()) {
      duplicates.increment();
    }
  }

  private IncomingPost readCounting(byte[] payload) {
    try {
      return reader.read(payload);
    } catch (UnreadableRecordException e) {
      invalid.increment();
      throw e;
    }
  }
}
