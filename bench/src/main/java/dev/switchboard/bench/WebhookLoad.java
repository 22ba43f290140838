package dev.switchboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop webhook load: {@code concurrency} clients, each posting a correctly signed, distinct
 * generic post and waiting for the answer before the next. Only answers that arrive inside the
 * measured window count; a 202 means Kafka acknowledged the event.
 */
final class WebhookLoad {

  /** What one window of load produced. */
  record Result(
      Duration window, long accepted, long[] acceptedLatenciesNanos, Map<String, Long> errors) {

    double perSecond() {
      return accepted / (window.toNanos() / 1e9);
    }

    /** The latency below which {@code percent} % of the 202s were answered, in milliseconds. */
    double percentileMillis(double percent) {
      if (acceptedLatenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percent / 100 * acceptedLatenciesNanos.length) - 1;
      return acceptedLatenciesNanos[Math.max(0, index)] / 1e6;
    }
  }

  // Realistic sizes and shapes of what the trust receives; the texts never reach a log.
  private static final String[] TEXTS = {
    "Waited six hours in A&E last night and nobody told us anything. Not good enough.",
    "Huge thanks to the nurses on ward 7, you looked after my dad so kindly.",
    "How do I make a complaint about my mum's discharge? Nobody answers the phone.",
    "Is the car park at the main entrance open this weekend?",
    "Appointment cancelled for the third time, I've been waiting since March for my scan.",
  };

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI uri;
  private final byte[] secret;
  private final String runId;
  private final AtomicLong serial = new AtomicLong();

  WebhookLoad(String baseUrl, String account, byte[] secret, String runId) {
    this.uri = URI.create(baseUrl + "/webhooks/generic/" + account);
    this.secret = secret.clone();
    this.runId = runId;
  }

  /**
   * Runs {@code concurrency} clients for {@code warmUp + window}, counting only the answers that
   * arrive in the last {@code window}.
   */
  Result run(int concurrency, Duration warmUp, Duration window) throws InterruptedException {
    long start = System.nanoTime();
    long from = start + warmUp.toNanos();
    long until = from + window.toNanos();
    List<Client> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Client client = new Client(from, until);
      clients.add(client);
      Thread thread = new Thread(client, "webhook-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long accepted = 0;
    Map<String, Long> errors = new TreeMap<>();
    int latencies = 0;
    for (Client client : clients) {
      accepted += client.accepted;
      latencies += client.latencyCount;
      client.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }
    long[] all = new long[latencies];
    int at = 0;
    for (Client client : clients) {
      System.arraycopy(client.latencies, 0, all, at, client.latencyCount);
      at += client.latencyCount;
    }
    Arrays.sort(all);
    return new Result(window, accepted, all, errors);
  }

  /** Sends one post and returns the status and body; the first one also warms the path up. */
  String prime() throws IOException, InterruptedException {
    byte[] body = nextBody();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  /** One post, never sent before in this run: its own platform id, one of 1,000 threads. */
  byte[] nextBody() {
    long n = serial.incrementAndGet();
    String json =
        "{\"platformId\":\"bench-"
            + runId
            + "-"
            + n
            + "\",\"threadRootId\":\"thread-"
            + (n % 1000)
            + "\",\"kind\":\"created\",\"itemType\":\"comment\","
            + "\"author\":{\"id\":\"u-"
            + (n % 5000)
            + "\",\"name\":\"Bench Author\",\"handle\":\"bench\"},"
            + "\"text\":\""
            + TEXTS[(int) (n % TEXTS.length)]
            + "\",\"url\":\"https://social.example/p/"
            + n
            + "\",\"createdAt\":\"2026-11-25T09:58:00Z\",\"visibility\":\"public\","
            + "\"language\":\"en-GB\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private final class Client implements Runnable {
    private final long from;
    private final long until;
    private long accepted;
    private long[] latencies = new long[4096];
    private int latencyCount;
    private final Map<String, Long> errors = new TreeMap<>();

    Client(long from, long until) {
      this.from = from;
      this.until = until;
    }

    @Override
    public void run() {
      while (System.nanoTime() < until) {
        byte[] body = nextBody();
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long sent = System.nanoTime();
        String outcome;
        try {
          HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
          outcome = Integer.toString(response.statusCode());
        } catch (IOException e) {
          outcome = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long answered = System.nanoTime();
        if (answered < from || answered >= until) {
          continue; // warm-up, or after the window closed
        }
        if (outcome.equals("202")) {
          accepted++;
          if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
          }
          latencies[latencyCount++] = answered - sent;
        } else {
          errors.merge(outcome, 1L, Long::sum);
        }
      }
    }
  }
}
