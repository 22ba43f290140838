package dev.switchboard.ingest.backfill.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.ingest.backfill.BackfillReport;
import dev.switchboard.ingest.web.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem for an import that stopped part-way, with the report of what was and was not
 * published as an extension member, so the caller never has to guess which rows arrived.
 *
 * @param type {@code https://switchboard.dev/problems/<slug>}
 * @param title short, the same for every occurrence of the type
 * @param status the HTTP status code
 * @param detail what went wrong; never quotes file content
 * @param instance the request path
 * @param report what the import did before it stopped
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackfillProblem(
    String type, String title, int status, String detail, String instance, BackfillReport report) {

  static BackfillProblem of(
      String slug,
      String title,
      HttpStatus status,
      String detail,
      String instance,
      BackfillReport report) {
    return new BackfillProblem(
        Problem.TYPE_PREFIX + slug, title, status.getCode(), detail, instance, report);
  }

  MutableHttpResponse<BackfillProblem> toResponse() {
    return HttpResponse.<BackfillProblem>status(HttpStatus.valueOf(status))
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(this);
  }
}
