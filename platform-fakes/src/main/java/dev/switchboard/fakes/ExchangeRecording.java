package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Records a request before its answer is complete. A fake that recorded after answering let a test
 * that asks "what did the client send?" right after the client's call race the recording. The
 * request is recorded (with the status sent) before the first byte of the body is written, or
 * before the body is closed when there is none, and a request that got no answer at all is recorded
 * by {@link #recordIfNot(int)}.
 */
final class ExchangeRecording {

  private static final String ATTRIBUTE = ExchangeRecording.class.getName();

  private final AtomicBoolean recorded = new AtomicBoolean();
  private final IntConsumer record;

  private ExchangeRecording(IntConsumer record) {
    this.record = record;
  }

  /** Wraps {@code exchange}'s response body so closing it records first. */
  static ExchangeRecording around(HttpExchange exchange, IntConsumer record) {
    ExchangeRecording recording = new ExchangeRecording(record);
    exchange.setAttribute(ATTRIBUTE, recording);
    OutputStream body = exchange.getResponseBody();
    exchange.setStreams(
        null,
        new FilterOutputStream(body) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            // Before the first byte: with a known length the client may have the whole answer
            // as soon as the last byte is written, before this stream is closed.
            recording.recordIfNot(exchange.getResponseCode());
            out.write(b, off, len);
          }

          @Override
          public void write(int b) throws IOException {
            recording.recordIfNot(exchange.getResponseCode());
            out.write(b);
          }

          @Override
          public void close() throws IOException {
            recording.recordIfNot(exchange.getResponseCode());
            super.close();
          }
        });
    return recording;
  }

  /**
   * Records {@code exchange}'s request now, before an answer without a body (a 304) is sent: such
   * an answer is complete as soon as its headers are, so recording on close would be too late.
   */
  static void recordBeforeBodilessAnswer(HttpExchange exchange, int status) {
    if (exchange.getAttribute(ATTRIBUTE) instanceof ExchangeRecording recording) {
      recording.recordIfNot(status);
    }
  }

  /** Records with {@code status} unless the answer already did. */
  void recordIfNot(int status) {
    if (recorded.compareAndSet(false, true)) {
      record.accept(status);
    }
  }
}
