package dev.switchboard.ingest.webhook.web;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.channels.webhook.SignatureCheck;
import dev.switchboard.channels.webhook.WebhookSecrets;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.ingest.config.WebhookSettings;
import dev.switchboard.ingest.messaging.ChannelEventPublisher;
import dev.switchboard.ingest.messaging.KafkaUnavailableException;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import dev.switchboard.ingest.webhook.GenericPost;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import dev.switchboard.ingest.webhook.InvalidPostException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/generic/{account}}: the documented generic post (docs/generic-webhook.md).
 * Order matters: size, then the account's secret, then the signature over the raw bytes — nothing
 * is parsed before the caller is proven to hold the secret — then parsing, mapping, and 202 only
 * once Kafka acknowledged the event.
 */
@Controller("/webhooks/generic")
public class GenericWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(GenericWebhookController.class);
  private static final String CHANNEL = "generic";

  private final WebhookSecrets secrets;
  private final GenericPostMapper mapper;
  private final ObjectMapper objectMapper;
  private final ChannelEventPublisher publisher;
  private final WebhookSettings settings;
  private final WebhookMetrics metrics;
  private final Clock clock;

  /** The controller and its collaborators. */
  public GenericWebhookController(
      WebhookSecrets secrets,
      GenericPostMapper mapper,
      ObjectMapper objectMapper,
      ChannelEventPublisher publisher,
      WebhookSettings settings,
      WebhookMetrics metrics,
      Clock clock) {
    this.secrets = secrets;
    this.mapper = mapper;
    this.objectMapper = objectMapper;
    this.publisher = publisher;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Accepts one signed post. Runs on the blocking pool because the producer's {@code send} may wait
   * for topic metadata; the wait for the acknowledgement is asynchronous.
   */
  @Post("/{account}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public CompletableFuture<HttpResponse<?>> receive(
      HttpRequest<?> request,
      @PathVariable String account,
      @Nullable @Header(HubSignature.HEADER) String signature,
      @Body byte[] body) {
    String path = request.getPath();
    if (body.length > settings.maxBodyBytes()) {
      return reject(
          Problem.of(
              Problems.BODY_TOO_LARGE,
              "Body too large",
              HttpStatus.REQUEST_ENTITY_TOO_LARGE,
              "The body has " + body.length + " bytes; at most " + settings.maxBodyBytes(),
              path));
    }
    Optional<byte[]> secret = secrets.secretFor(account);
    if (secret.isEmpty()) {
      return reject(
          Problem.of(
              Problems.UNKNOWN_ACCOUNT,
              "Unknown account",
              HttpStatus.NOT_FOUND,
              "no webhook configured for this account",
              path));
    }
    SignatureCheck check = HubSignature.verify(secret.get(), body, signature);
    if (!check.valid()) {
      return reject(signatureProblem(check, path));
    }

    String raw;
    try {
      // Strict: the JSON parser lets overlong forms and encoded surrogates through, and a lenient
      // decode would replace them, so the stored text would no longer match the raw body.
      raw =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      return reject(invalid("The body is not valid UTF-8", null, path));
    }

    ChannelEvent event;
    try {
      GenericPost post = objectMapper.readValue(body, GenericPost.class);
      event = mapper.toChannelEvent(account, post, raw, clock.instant());
    } catch (IOException e) {
      // The parser's message can quote the body, which may hold patient data: keep it generic.
      return reject(
          invalid(
              "The body is not a JSON object of the generic post shape"
                  + " (docs/generic-webhook.md); check the types of its fields",
              null,
              path));
    } catch (InvalidPostException e) {
      return reject(invalid(e.getMessage(), e.field(), path));
    }

    return publisher
        .publish(event)
        .<HttpResponse<?>>thenApply(
            metadata -> {
              metrics.accepted(CHANNEL);
              return HttpResponse.accepted()
                  .body(
                      new WebhookAccepted(
                          event.eventId(), event.itemId(), event.conversationKey()));
            })
        .exceptionally(failure -> unavailable(failure, path));
  }

  private HttpResponse<?> unavailable(Throwable failure, String path) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (!(cause instanceof KafkaUnavailableException)) {
      throw new CompletionException(cause);
    }
    LOG.warn("Webhook not accepted: {}", cause.getMessage());
    metrics.rejected(CHANNEL, Problems.KAFKA_UNAVAILABLE);
    return Problem.of(
            Problems.KAFKA_UNAVAILABLE,
            "Kafka unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "The event could not be stored right now; send the same request again later",
            path)
        .toResponse()
        .header(HttpHeaders.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()));
  }

  private CompletableFuture<HttpResponse<?>> reject(Problem problem) {
    metrics.rejected(CHANNEL, problem.type().substring(Problem.TYPE_PREFIX.length()));
    // Account and reason only: the body may carry patient data.
    LOG.info("Webhook rejected: {} {} {}", problem.status(), problem.type(), problem.instance());
    return CompletableFuture.completedFuture(problem.toResponse());
  }

  private static Problem invalid(String detail, String field, String path) {
    Problem problem =
        Problem.of(Problems.INVALID_BODY, "Invalid body", HttpStatus.BAD_REQUEST, detail, path);
    return field == null ? problem : problem.withField(field);
  }

  private static Problem signatureProblem(SignatureCheck check, String path) {
    String expected =
        "send "
            + HubSignature.HEADER
            + ": sha256=<lowercase hex HMAC-SHA256 of the raw body under the account's secret>";
    return switch (check) {
      case MISSING ->
          Problem.of(
              Problems.MISSING_SIGNATURE,
              "Missing signature",
              HttpStatus.UNAUTHORIZED,
              "No " + HubSignature.HEADER + " header; " + expected,
              path);
      case MALFORMED ->
          Problem.of(
              Problems.MALFORMED_SIGNATURE,
              "Malformed signature",
              HttpStatus.UNAUTHORIZED,
              "The "
                  + HubSignature.HEADER
                  + " header is not sha256= and 64 hex digits; "
                  + expected,
              path);
      default ->
          Problem.of(
              Problems.BAD_SIGNATURE,
              "Signature does not match",
              HttpStatus.UNAUTHORIZED,
              "The signature does not match the body under this account's secret",
              path);
    };
  }
}
