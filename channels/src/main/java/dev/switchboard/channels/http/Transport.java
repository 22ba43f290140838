package dev.switchboard.channels.http;

import java.util.Map;

/**
 * Sends one HTTP request, with no retry of its own; {@link MicronautTransport} in production, a
 * scripted one in unit tests.
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends {@code method pathAndQuery} with {@code headers} and {@code body} (null: none; its {@code
   * Content-Type} is one of the headers) and returns whatever status came back.
   *
   * @throws TransportException when no response arrived (timeout, refused or broken connection)
   */
  PlatformResponse send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws TransportException;

  /** {@link #send(String, String, Map, String)} without a body. */
  default PlatformResponse send(String method, String pathAndQuery, Map<String, String> headers)
      throws TransportException {
    return send(method, pathAndQuery, headers, null);
  }

  @Override
  default void close() {}

  /** No HTTP response: the request timed out or the connection failed. */
  final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether it was a timeout (as opposed to a connection failure). */
    private final boolean timeout;

    /** A failure to get any response. */
    public TransportException(String message, boolean timeout, Throwable cause) {
      super(message, cause);
      this.timeout = timeout;
    }

    /** Whether the request timed out. */
    public boolean timeout() {
      return timeout;
    }
  }
}
