package dev.switchboard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local OAuth 2.0 token endpoint ({@code POST /token}) that renews access tokens with refresh
 * tokens as Google's does (RFC 6749 section 6: a form body with {@code grant_type=refresh_token},
 * {@code refresh_token}, {@code client_id}, {@code client_secret}; a JSON answer with {@code
 * access_token}, {@code expires_in}, {@code token_type}, {@code scope}; errors as {@code
 * {"error","error_description"}}). It can rotate refresh tokens (as X does), revoke one, and fail
 * on demand. Each access token it issues goes to the {@link #onIssue} listeners, so a fake platform
 * can start accepting it.
 */
public final class FakeOAuthServer implements AutoCloseable {

  /**
   * One request to the endpoint.
   *
   * @param grantType the {@code grant_type} sent
   * @param status the status answered
   */
  public record RecordedRequest(String grantType, int status) {}

  private final HttpServer server;
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Integer> faults = new ConcurrentLinkedDeque<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private volatile Duration expiresIn = Duration.ofHours(1);
  private volatile boolean rotate;

  private FakeOAuthServer(HttpServer server) {
    this.server = server;
    server.createContext("/token", this::handle);
  }

  /** Starts a fake on a free loopback port. */
  public static FakeOAuthServer start() {
    try {
      FakeOAuthServer fake =
          new FakeOAuthServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      fake.server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fake OAuth server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}; the token path is {@code /token}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Registers an OAuth client. */
  public FakeOAuthServer addClient(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
    return this;
  }

  /** Registers a refresh token granted to {@code clientId}. */
  public FakeOAuthServer addRefreshToken(String refreshToken, String clientId) {
    refreshTokens.put(refreshToken, clientId);
    return this;
  }

  /** Revokes a refresh token: renewing with it is refused with {@code invalid_grant}. */
  public void revoke(String refreshToken) {
    refreshTokens.remove(refreshToken);
  }

  /** How long the access tokens it issues from now on live ({@code expires_in}). */
  public FakeOAuthServer expiresIn(Duration lifetime) {
    this.expiresIn = lifetime;
    return this;
  }

  /** Whether each renewal issues a new refresh token and revokes the one used. */
  public FakeOAuthServer rotateRefreshTokens(boolean rotate) {
    this.rotate = rotate;
    return this;
  }

  /** Calls {@code listener} with every access token issued. */
  public FakeOAuthServer onIssue(Consumer<String> listener) {
    listeners.add(listener);
    return this;
  }

  /** The next request is answered with {@code status} (503 or 429 with Retry-After: 1). */
  public FakeOAuthServer failNext(int status) {
    faults.add(status);
    return this;
  }

  /** Every request so far, in order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = parse(body);
    String grant = form.get("grant_type");
    ExchangeRecording recording =
        ExchangeRecording.around(exchange, st -> requests.add(new RecordedRequest(grant, st)));
    int status = -1;
    try {
      status = answer(exchange, form);
    } catch (RuntimeException e) {
      status = send(exchange, 500, error("server_error", "Internal error"), Map.of());
    } finally {
      recording.recordIfNot(status);
    }
  }

  private int answer(HttpExchange exchange, Map<String, String> form) throws IOException {
    Integer fault = faults.poll();
    if (fault != null) {
      Map<String, String> headers = fault == 429 ? Map.of("Retry-After", "1") : Map.of();
      return send(exchange, fault, error("temporarily_unavailable", "Try again later"), headers);
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      return send(exchange, 405, error("invalid_request", "Use POST"), Map.of());
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return send(
          exchange, 400, error("invalid_request", "Expected a form-encoded body"), Map.of());
    }
    if (!"refresh_token".equals(form.get("grant_type"))) {
      return send(
          exchange,
          400,
          error("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type")),
          Map.of());
    }
    String clientId = form.get("client_id");
    String secret = clientId == null ? null : clients.get(clientId);
    if (secret == null || !secret.equals(form.get("client_secret"))) {
      return send(exchange, 401, error("invalid_client", "Unauthorized"), Map.of());
    }
    String refreshToken = form.get("refresh_token");
    if (refreshToken == null || !clientId.equals(refreshTokens.get(refreshToken))) {
      return send(
          exchange, 400, error("invalid_grant", "Token has been expired or revoked."), Map.of());
    }
    int n = sequence.incrementAndGet();
    String accessToken = "ya29.fake-" + n;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", accessToken);
    answer.put("expires_in", expiresIn.toSeconds());
    answer.put("scope", "https://www.googleapis.com/auth/youtube.force-ssl");
    answer.put("token_type", "Bearer");
    if (rotate) {
      String next = "1//fake-refresh-" + n;
      refreshTokens.remove(refreshToken);
      refreshTokens.put(next, clientId);
      answer.put("refresh_token", next);
    }
    listeners.forEach(l -> l.accept(accessToken));
    return send(exchange, 200, JsonText.write(answer), Map.of("Cache-Control", "no-store"));
  }

  private static String error(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return JsonText.write(body);
  }

  private static int send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.putIfAbsent(key, value);
    }
    return form;
  }
}
