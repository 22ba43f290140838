package dev.switchboard.ingest.webhook.web;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.channels.webhook.SignatureCheck;
import dev.switchboard.channels.webhook.WebhookSecrets;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.ingest.messaging.ChannelEventPublisher;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import dev.switchboard.ingest.webhook.GenericPost;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import dev.switchboard.ingest.webhook.InvalidPostException;
import io.micronaut.core.annotation.Nullable;
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

/**
 * {@code POST /webhooks/generic/{account}}: the documented generic post (docs/generic-webhook.md).
 * Order matters: size, then the account's secret, then the signature over the raw bytes — nothing
 * is parsed before the caller is proven to hold the secret — then parsing, mapping, and 202 only
 * once Kafka acknowledged the event.
 */
@Controller("/webhooks/generic")
public class GenericWebhookController {

  private static final String CHANNEL = "generic";

  private final WebhookSecrets secrets;
  private final GenericPostMapper mapper;
  private final ObjectMapper objectMapper;
  private final ChannelEventPublisher publisher;
  private final WebhookAnswers answers;
  private final WebhookMetrics metrics;
  private final Clock clock;

  /** The controller and its collaborators. */
  public GenericWebhookController(
      WebhookSecrets secrets,
      GenericPostMapper mapper,
      ObjectMapper objectMapper,
      ChannelEventPublisher publisher,
      WebhookAnswers answers,
      WebhookMetrics metrics,
      Clock clock) {
    this.secrets = secrets;
    this.mapper = mapper;
    this.objectMapper = objectMapper;
    this.publisher = publisher;
    this.answers = answers;
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
    Optional<CompletableFuture<HttpResponse<?>>> tooLarge =
        answers.rejectIfTooLarge(CHANNEL, body, path);
    if (tooLarge.isPresent()) {
      return tooLarge.get();
    }
    Optional<byte[]> secret = secrets.secretFor(account);
    if (secret.isEmpty()) {
      return answers.reject(
          CHANNEL,
          Problem.of(
              Problems.UNKNOWN_ACCOUNT,
              "Unknown account",
              HttpStatus.NOT_FOUND,
              "no webhook configured for this account",
              path));
    }
    SignatureCheck check = HubSignature.verify(secret.get(), body, signature);
    if (!check.valid()) {
      return answers.reject(CHANNEL, signatureProblem(check, path));
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
      return answers.reject(CHANNEL, invalid("The body is not valid UTF-8", null, path));
    }

    ChannelEvent event;
    try {
      GenericPost post = objectMapper.readValue(body, GenericPost.class);
      event = mapper.toChannelEvent(account, post, raw, clock.instant());
    } catch (IOException e) {
      // The parser's message can quote the body, which may hold patient data: keep it generic.
      return answers.reject(
          CHANNEL,
          invalid(
              "The body is not a JSON object of the generic post shape"
                  + " (docs/generic-webhook.md); check the types of its fields",
              null,
              path));
    } catch (InvalidPostException e) {
      return answers.reject(CHANNEL, invalid(e.getMessage(), e.field(), path));
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
        .exceptionally(
            failure ->
                answers.unavailable(
                    CHANNEL,
                    failure,
                    path,
                    "The event could not be stored right now; send the same request again later"));
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
