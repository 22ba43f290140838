package dev.switchboard.ingest.demo;

import dev.switchboard.channels.webhook.HubSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The demo's webhook calls, made exactly as an outside sender must make them: the raw body bytes
 * signed with the account's secret in {@code X-Hub-Signature-256}.
 */
public final class DemoRequests {

  private final URI endpoint;
  private final byte[] secret;
  private final Duration timeout;

  /**
   * Requests to {@code server}'s generic webhook of {@code account}, signed with {@code secret},
   * each allowed {@code timeout} for its answer.
   */
  public DemoRequests(URI server, String account, byte[] secret, Duration timeout) {
    this.endpoint = server.resolve("/webhooks/generic/" + account);
    this.secret = secret.clone();
    this.timeout = timeout;
  }

  /** Where the posts go. */
  public URI endpoint() {
    return endpoint;
  }

  /** The signed POST of {@code body}. */
  public HttpRequest post(byte[] body) {
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header(HubSignature.HEADER, HubSignature.sign(secret, body))
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
