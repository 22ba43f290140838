package dev.switchboard.ingest.webhook.web;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.channels.webhook.SignatureCheck;
import dev.switchboard.ingest.config.WebhookSettings;
import dev.switchboard.ingest.messaging.KafkaUnavailableException;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers every webhook endpoint gives the same way: a refusal (counted, logged without the
 * body, which may hold patient data), too large a body, and 503 with {@code Retry-After} when Kafka
 * did not acknowledge, so the platform sends the same request again.
 */
@Singleton
public class WebhookAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAnswers.class);

  private final WebhookSettings settings;
  private final WebhookMetrics metrics;

  /** Answers under the webhook settings, counted in the webhook metrics. */
  public WebhookAnswers(WebhookSettings settings, WebhookMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /** The problem as the answer, counted as a refusal of {@code channel}. */
  public CompletableFuture<HttpResponse<?>> reject(String channel, Problem problem) {
    metrics.rejected(channel, problem.type().substring(Problem.TYPE_PREFIX.length()));
    LOG.info(
        "Webhook rejected: {} {} {} {}",
        channel,
        problem.status(),
        problem.type(),
        problem.instance());
    return CompletableFuture.completedFuture(problem.toResponse());
  }

  /** 413 when the body is over the webhook limit, empty otherwise. */
  public Optional<CompletableFuture<HttpResponse<?>>> rejectIfTooLarge(
      String channel, byte[] body, String path) {
    if (body.length <= settings.maxBodyBytes()) {
      return Optional.empty();
    }
    return Optional.of(
        reject(
            channel,
            Problem.of(
                Problems.BODY_TOO_LARGE,
                "Body too large",
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                "The body has " + body.length + " bytes; at most " + settings.maxBodyBytes(),
                path)));
  }

  /**
   * 401 unless {@code body} carries a valid {@code X-Hub-Signature-256} under {@code appSecret}
   * (Graph's webhooks: Facebook and Instagram), empty when it does.
   */
  public Optional<CompletableFuture<HttpResponse<?>>> rejectIfBadHubSignature(
      String channel, String appSecret, byte[] body, String signature, String path) {
    SignatureCheck check =
        HubSignature.verify(appSecret.getBytes(StandardCharsets.UTF_8), body, signature);
    if (check.valid()) {
      return Optional.empty();
    }
    String slug =
        switch (check) {
          case MISSING -> Problems.MISSING_SIGNATURE;
          case MALFORMED -> Problems.MALFORMED_SIGNATURE;
          default -> Problems.BAD_SIGNATURE;
        };
    return Optional.of(
        reject(
            channel,
            Problem.of(
                slug,
                "Signature not valid",
                HttpStatus.UNAUTHORIZED,
                "Send "
                    + HubSignature.HEADER
                    + ": sha256=<hex HMAC-SHA256 of the raw body under the app secret>",
                path)));
  }

  /**
   * The answer when publishing failed: 503 with {@code Retry-After} if Kafka did not acknowledge in
   * time; any other failure is rethrown (a 500 through the error processor, never a silent 2xx).
   */
  public HttpResponse<?> unavailable(
      String channel, Throwable failure, String path, String detail) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (!(cause instanceof KafkaUnavailableException)) {
      throw new CompletionException(cause);
    }
    LOG.warn("Webhook not accepted: {} {}", channel, cause.getMessage());
    metrics.rejected(channel, Problems.KAFKA_UNAVAILABLE);
    return Problem.of(
            Problems.KAFKA_UNAVAILABLE,
            "Kafka unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            detail,
            path)
        .toResponse()
        .header(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
  }
}
