package dev.switchboard.ingest.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Turns Micronaut's own error answers (no such route, wrong method or media type, body too large,
 * unhandled exceptions) into problem details, so every error of this service has one shape. The
 * detail is Micronaut's message except for server errors, whose messages could expose internals.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String detail;
    if (status.getCode() >= 500) {
      detail = "The server could not handle the request; it has been logged.";
    } else {
      detail =
          context.getErrors().stream()
              .map(Error::getMessage)
              .findFirst()
              .orElse(status.getReason());
    }
    Problem problem =
        Problem.of(
            slug(status), status.getReason(), status, detail, context.getRequest().getPath());
    return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
  }

  /** {@code Method Not Allowed} becomes {@code method-not-allowed}. */
  static String slug(HttpStatus status) {
    if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
      // The same type as the webhook's own size check, whichever of the two answers.
      return Problems.BODY_TOO_LARGE;
    }
    return status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
