package dev.switchboard.channels.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The micronaut-http-client transport against a real local HTTP server, with no context. */
class MicronautTransportTest {

  private HttpServer server;
  private MicronautTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          byte[] body = "{\"data\":[1]}".getBytes(UTF_8);
          exchange.getResponseHeaders().add("X-App-Usage", "{\"call_count\":5}");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/error",
        exchange -> {
          byte[] body = "{\"error\":{\"code\":190}}".getBytes(UTF_8);
          exchange.sendResponseHeaders(400, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    transport =
        new MicronautTransport(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()).toURL(),
            Duration.ofSeconds(2),
            Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    transport.close();
    server.stop(0);
  }

  @Test
  void returnsBodyAndHeadersOfA2xx() throws Exception {
    PlatformResponse response =
        transport.send("GET", "/ok?x=1", Map.of("Accept", "application/json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"data\":[1]}");
    assertThat(response.header("x-app-usage")).hasValue("{\"call_count\":5}");
  }

  @Test
  void returnsTheErrorBodyOfA4xxInsteadOfThrowing() throws Exception {
    PlatformResponse response = transport.send("GET", "/error", Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("190");
  }

  @Test
  void aSlowAnswerIsATimeout() {
    assertThatThrownBy(() -> transport.send("GET", "/slow", Map.of()))
        .isInstanceOfSatisfying(
            Transport.TransportException.class, e -> assertThat(e.timeout()).isTrue());
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (MicronautTransport nowhere =
        new MicronautTransport(
            URI.create("http://127.0.0.1:" + closed).toURL(),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> nowhere.send("GET", "/ok", Map.of()))
          .isInstanceOfSatisfying(
              Transport.TransportException.class, e -> assertThat(e.timeout()).isFalse());
    }
  }
}
