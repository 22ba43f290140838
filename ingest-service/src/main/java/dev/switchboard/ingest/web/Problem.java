package dev.switchboard.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param type {@code https://switchboard.dev/problems/<slug>}, stable, one per kind of problem
 * @param title short, the same for every occurrence of the type
 * @param status the HTTP status code
 * @param detail what was wrong with this request; never quotes post content
 * @param instance the request path
 * @param field the request field at fault, when one is (extension member)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, String field) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Prefix of every {@link #type}. */
  public static final String TYPE_PREFIX = "https://switchboard.dev/problems/";

  /** A problem of the given slug, without a field. */
  public static Problem of(
      String slug, String title, HttpStatus status, String detail, String instance) {
    return new Problem(TYPE_PREFIX + slug, title, status.getCode(), detail, instance, null);
  }

  /** The same problem naming the field at fault. */
  public Problem withField(String name) {
    return new Problem(type, title, status, detail, instance, name);
  }

  /** An HTTP response carrying this problem with the problem media type. */
  public MutableHttpResponse<Problem> toResponse() {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
        .contentType(MediaType.of(MEDIA_TYPE))
        .body(this);
  }
}
