package dev.switchboard.ingest.connectors.web;

import dev.switchboard.channels.facebook.FeedWebhook;
import dev.switchboard.channels.instagram.InstagramChange;
import dev.switchboard.channels.instagram.InstagramWebhook;
import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.config.InstagramConnectors;
import dev.switchboard.ingest.connectors.config.InstagramSecrets;
import dev.switchboard.ingest.connectors.instagram.InstagramNormalizer;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import dev.switchboard.ingest.webhook.web.WebhookAnswers;
import dev.switchboard.ingest.webhook.web.WebhookMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Instagram webhook (object {@code instagram}: fields {@code comments}, {@code live_comments}
 * and {@code messages}). {@code GET /webhooks/instagram}: the subscription handshake, echoing
 * {@code hub.challenge} when {@code hub.verify_token} is ours. {@code POST /webhooks/instagram}:
 * size, then {@code X-Hub-Signature-256} over the raw body with the app secret (401 when wrong,
 * nothing parsed), then the payload (400 when not in the documented shape), then 202 only after
 * Kafka acknowledged every event the body carried (503 otherwise, and Meta retries). Notifications
 * for accounts not configured are ignored.
 */
@Controller("/webhooks/instagram")
public class InstagramWebhookController {

  /**
   * The 202 answer.
   *
   * @param events events published and acknowledged
   * @param ignored notifications for accounts that are not ours
   * @param eventIds the ids of the published events
   */
  @io.micronaut.serde.annotation.Serdeable
  public record Accepted(int events, int ignored, List<String> eventIds) {}

  private static final String CHANNEL = "instagram";

  private final InstagramSecrets secrets;
  private final InstagramConnectors accounts;
  private final EventSink sink;
  private final WebhookAnswers answers;
  private final WebhookMetrics metrics;
  private final Clock clock;

  /** The controller and its collaborators. */
  public InstagramWebhookController(
      InstagramSecrets secrets,
      InstagramConnectors accounts,
      EventSink sink,
      WebhookAnswers answers,
      WebhookMetrics metrics,
      Clock clock) {
    this.secrets = secrets;
    this.accounts = accounts;
    this.sink = sink;
    this.answers = answers;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The verification handshake Meta makes when the subscription is set up. */
  @Get
  @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
  public HttpResponse<?> verify(
      HttpRequest<?> request,
      @Nullable @QueryValue("hub.mode") String mode,
      @Nullable @QueryValue("hub.verify_token") String verifyToken,
      @Nullable @QueryValue("hub.challenge") String challenge) {
    Optional<String> echo =
        FeedWebhook.handshake(mode, verifyToken, challenge, secrets.verifyToken().orElse(null));
    if (echo.isPresent()) {
      return HttpResponse.ok(echo.get()).contentType(MediaType.TEXT_PLAIN_TYPE);
    }
    return Problem.of(
            "verification-failed",
            "Verification failed",
            HttpStatus.FORBIDDEN,
            "hub.mode must be subscribe and hub.verify_token must equal"
                + " SWITCHBOARD_INSTAGRAM_VERIFY_TOKEN (or SWITCHBOARD_FACEBOOK_VERIFY_TOKEN)",
            request.getPath())
        .toResponse();
  }

  /** One signed notification of Instagram comments and messages. */
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public CompletableFuture<HttpResponse<?>> receive(
      HttpRequest<?> request,
      @Nullable @Header(HubSignature.HEADER) String signature,
      @Body byte[] body) {
    String path = request.getPath();
    Optional<CompletableFuture<HttpResponse<?>>> tooLarge =
        answers.rejectIfTooLarge(CHANNEL, body, path);
    if (tooLarge.isPresent()) {
      return tooLarge.get();
    }
    Optional<String> appSecret = secrets.appSecret();
    if (appSecret.isEmpty()) {
      return answers.reject(
          CHANNEL,
          Problem.of(
              Problems.UNKNOWN_ACCOUNT,
              "Instagram webhook not configured",
              HttpStatus.NOT_FOUND,
              "SWITCHBOARD_INSTAGRAM_APP_SECRET (or SWITCHBOARD_FACEBOOK_APP_SECRET) is not set",
              path));
    }
    Optional<CompletableFuture<HttpResponse<?>>> unsigned =
        answers.rejectIfBadHubSignature(CHANNEL, appSecret.get(), body, signature, path);
    if (unsigned.isPresent()) {
      return unsigned.get();
    }
    List<InstagramChange> changes;
    try {
      changes = InstagramWebhook.parse(body);
    } catch (InstagramWebhook.MalformedWebhookException e) {
      return answers.reject(
          CHANNEL,
          Problem.of(
              Problems.INVALID_BODY,
              "Invalid body",
              HttpStatus.BAD_REQUEST,
              "Not an Instagram notification: " + e.getMessage(),
              path));
    }
    Instant now = clock.instant();
    List<ChannelEvent> events = new ArrayList<>();
    int ignored = 0;
    for (InstagramChange change : changes) {
      Optional<String> account = accounts.igUserIdFor(change.accountId());
      if (account.isPresent()) {
        events.add(InstagramNormalizer.fromWebhook(account.get(), change, now));
      } else {
        ignored++;
      }
    }
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (ChannelEvent event : events) {
      acks.add(sink.publish(event));
    }
    int accepted = events.size();
    int skipped = ignored;
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .<HttpResponse<?>>thenApply(
            done -> {
              metrics.accepted(CHANNEL);
              return HttpResponse.accepted()
                  .body(
                      new Accepted(
                          accepted, skipped, events.stream().map(ChannelEvent::eventId).toList()));
            })
        .exceptionally(
            failure ->
                answers.unavailable(
                    CHANNEL,
                    failure,
                    path,
                    "The events could not be stored right now; Meta will send them again"));
  }
}
