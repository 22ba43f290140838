package dev.switchboard.classify.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.classify.domain.RemoteOpinion;
import dev.switchboard.contracts.LabelName;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local HTTP endpoint that answers as told: fast, slow, failing or nonsense. */
class HttpRemoteOpinionTest {

  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>("{\"scores\":{}}");
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger delayMillis = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/score",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          try {
            Thread.sleep(delayMillis.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          try {
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          } catch (java.io.IOException gone) {
            // the client gave up waiting
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRemoteOpinion model(int failuresToOpen) {
    return new HttpRemoteOpinion(
        "toxicity",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/score"),
        "t0ken",
        Duration.ofMillis(300),
        failuresToOpen,
        Duration.ofMinutes(1));
  }

  @Test
  void readsTheScoresOfTheLabelsItKnowsAndSendsTheTextWithTheToken() throws Exception {
    body.set("{\"scores\":{\"abuse\":0.91,\"misinformation\":0.2,\"toxicity\":0.99}}");

    assertThat(model(3).scores("you absolute \"idiot\""))
        .containsOnlyKeys(LabelName.ABUSE, LabelName.MISINFORMATION)
        .containsEntry(LabelName.ABUSE, 0.91);
    assertThat(received).containsExactly("{\"text\":\"you absolute \\\"idiot\\\"\"}");
    assertThat(authorizations).containsExactly("Bearer t0ken");
  }

  @Test
  void aSlowAnswerIsUnavailableWithinTheTimeLimit() {
    delayMillis.set(3000);

    // The client's own time limit ended the wait (not the server's answer, 3 s later).
    assertThatThrownBy(() -> model(3).scores("hello"))
        .isInstanceOf(RemoteOpinion.Unavailable.class)
        .hasMessage("no answer within 300 ms");
  }

  @Test
  void errorsAndNonsenseAreUnavailable() {
    HttpRemoteOpinion model = model(10);
    status.set(503);
    assertThatThrownBy(() -> model.scores("a")).hasMessage("HTTP 503");
    status.set(200);
    body.set("<html>");
    assertThatThrownBy(() -> model.scores("a")).hasMessage("the answer is not JSON");
    body.set("{\"scores\":{\"abuse\":\"high\"}}");
    assertThatThrownBy(() -> model.scores("a"))
        .isInstanceOf(RemoteOpinion.Unavailable.class)
        .hasMessageContaining("abuse");
  }

  @Test
  void afterRepeatedFailuresTheCircuitStopsCalling() {
    HttpRemoteOpinion model = model(3);
    status.set(500);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> model.scores("a")).isInstanceOf(RemoteOpinion.Unavailable.class);
    }
    assertThat(model.circuitState()).isEqualTo("OPEN");

    status.set(200);
    assertThatThrownBy(() -> model.scores("a")).hasMessageContaining("circuit open");
    assertThat(received).hasSize(3);
  }
}
