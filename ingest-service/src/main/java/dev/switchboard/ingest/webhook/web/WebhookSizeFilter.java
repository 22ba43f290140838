package dev.switchboard.ingest.webhook.web;

import dev.switchboard.ingest.config.WebhookSettings;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a webhook whose declared length is over the webhook limit before its body is read. The
 * server-wide request limit is the backfill upload's (64 MiB by default), so without this a webhook
 * would be buffered up to that size before the controller could refuse it.
 */
@ServerFilter("/webhooks/**")
public class WebhookSizeFilter {

  private final WebhookSettings settings;
  private final WebhookMetrics metrics;

  /** The filter with the webhook limit it enforces. */
  public WebhookSizeFilter(WebhookSettings settings, WebhookMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * 413 problem+json when Content-Length is over the limit. The connection stays open and the rest
   * of the body is discarded unbuffered, so a client still sending it gets the answer too.
   */
  @RequestFilter
  @Nullable
  public HttpResponse<?> refuseOversize(HttpRequest<?> request) {
    long declared = request.getContentLength();
    if (declared <= settings.maxBodyBytes()) {
      return null;
    }
    metrics.rejected(channelOf(request.getPath()), Problems.BODY_TOO_LARGE);
    return Problem.of(
            Problems.BODY_TOO_LARGE,
            "Body too large",
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            "The body has " + declared + " bytes; at most " + settings.maxBodyBytes(),
            request.getPath())
        .toResponse();
  }

  /** {@code /webhooks/generic/acme} → {@code generic}. */
  static String channelOf(String path) {
    String[] parts = path.split("/");
    return parts.length > 2 ? parts[2] : "unknown";
  }
}
