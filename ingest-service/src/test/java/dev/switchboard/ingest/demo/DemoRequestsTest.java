package dev.switchboard.ingest.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.channels.webhook.SignatureCheck;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo signs exactly the bytes it sends, as any outside sender must. */
class DemoRequestsTest {

  private static final byte[] SECRET = "demo-secret".getBytes(UTF_8);

  @Test
  void postsTheSignedBodyToTheAccountsWebhook() throws Exception {
    DemoRequests requests =
        new DemoRequests(
            URI.create("http://127.0.0.1:8081"), "demo-trust", SECRET, Duration.ofSeconds(30));
    byte[] body = "{\"platformId\":\"p-1\",\"text\":\"Diolch, café\"}".getBytes(UTF_8);

    HttpRequest request = requests.post(body);

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).hasToString("http://127.0.0.1:8081/webhooks/generic/demo-trust");
    assertThat(request.headers().firstValue("Content-Type")).hasValue("application/json");
    byte[] sent = bodyOf(request);
    assertThat(sent).isEqualTo(body);
    String signature = request.headers().firstValue(HubSignature.HEADER).orElseThrow();
    assertThat(HubSignature.verify(SECRET, sent, signature)).isEqualTo(SignatureCheck.VALID);
    assertThat(HubSignature.verify("other".getBytes(UTF_8), sent, signature))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(request.timeout()).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void classifiesTheWebhooksAnswers() {
    assertThat(DemoOutcome.of(202)).isEqualTo(DemoOutcome.ACCEPTED);
    assertThat(DemoOutcome.of(400)).isEqualTo(DemoOutcome.REJECTED);
    assertThat(DemoOutcome.of(401)).isEqualTo(DemoOutcome.REJECTED);
    assertThat(DemoOutcome.of(404)).isEqualTo(DemoOutcome.REJECTED);
    assertThat(DemoOutcome.of(408)).isEqualTo(DemoOutcome.RETRY);
    assertThat(DemoOutcome.of(429)).isEqualTo(DemoOutcome.RETRY);
    assertThat(DemoOutcome.of(503)).isEqualTo(DemoOutcome.RETRY);
    assertThat(DemoOutcome.of(500)).isEqualTo(DemoOutcome.RETRY);
  }

  private static byte[] bodyOf(HttpRequest request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> done = new CompletableFuture<>();
    request
        .bodyPublisher()
        .orElseThrow()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
              }

              @Override
              public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.get(5, TimeUnit.SECONDS);
    return out.toByteArray();
  }
}
