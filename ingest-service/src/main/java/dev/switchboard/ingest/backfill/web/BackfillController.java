package dev.switchboard.ingest.backfill.web;

import dev.switchboard.contracts.Channel;
import dev.switchboard.ingest.backfill.BackfillImport;
import dev.switchboard.ingest.backfill.BackfillReport;
import dev.switchboard.ingest.backfill.ImportFormat;
import dev.switchboard.ingest.backfill.ImportRequest;
import dev.switchboard.ingest.backfill.InputTooLargeException;
import dev.switchboard.ingest.backfill.InvalidImportException;
import dev.switchboard.ingest.backfill.config.BackfillSettings;
import dev.switchboard.ingest.messaging.ChannelEventPublisher;
import dev.switchboard.ingest.web.Problem;
import dev.switchboard.ingest.web.Problems;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/backfill}: imports a CSV or JSONL export sent as the request body (docs/
 * backfill.md). Order matters: the endpoint must be switched on, the caller must hold the token,
 * the parameters must make sense and the declared size must fit before a byte of the body is read;
 * then the body is streamed row by row and the answer comes only after Kafka acknowledged (or
 * failed) every row sent.
 */
@Controller("/api/backfill")
public class BackfillController {

  static final String DISABLED = "backfill-disabled";
  static final String MISSING_TOKEN = "missing-token";
  static final String BAD_TOKEN = "bad-token";
  static final String INVALID_IMPORT = "invalid-import";
  static final String UNREADABLE_INPUT = "unreadable-input";

  private static final Logger LOG = LoggerFactory.getLogger(BackfillController.class);

  private final BackfillSettings settings;
  private final BackfillImport backfill;

  /** The endpoint, publishing through the service's one publisher. */
  public BackfillController(
      BackfillSettings settings,
      GenericPostMapper mapper,
      ObjectMapper json,
      ChannelEventPublisher publisher,
      Clock clock) {
    this.settings = settings;
    this.backfill = new BackfillImport(mapper, json, publisher::publish, clock, settings.limits());
  }

  /** Imports the body; runs on the blocking pool because it reads the body as a stream. */
  @Post
  @Consumes({
    "text/csv",
    "application/x-ndjson",
    "application/jsonl",
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<?> importExport(
      HttpRequest<?> request,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String channel,
      @Nullable @QueryValue String account,
      @Nullable @QueryValue String mapping,
      @Body InputStream body) {
    String path = request.getPath();
    if (!settings.enabled()) {
      return problem(
          DISABLED,
          "Backfill disabled",
          HttpStatus.NOT_FOUND,
          "The backfill import is off: set SWITCHBOARD_BACKFILL_TOKEN to switch it on",
          path);
    }
    HttpResponse<?> refused = checkToken(authorization, path);
    if (refused != null) {
      return refused;
    }
    ImportRequest importRequest;
    try {
      importRequest = importRequest(format, channel, account, mapping);
      BackfillImport.validate(importRequest);
    } catch (InvalidImportException e) {
      return problem(
          INVALID_IMPORT, "Invalid import", HttpStatus.BAD_REQUEST, e.getMessage(), path);
    }
    long declared = request.getContentLength();
    if (declared > settings.maxBodyBytes()) {
      return problem(
          Problems.BODY_TOO_LARGE,
          "Body too large",
          HttpStatus.REQUEST_ENTITY_TOO_LARGE,
          "The body has " + declared + " bytes; at most " + settings.maxBodyBytes(),
          path);
    }

    BackfillReport report;
    try (InputStream in = new UploadStream(body, settings.maxBodyBytes())) {
      report = backfill.run(in, importRequest, BackfillImport.Progress.NONE);
    } catch (InvalidImportException e) {
      return problem(
          INVALID_IMPORT, "Invalid import", HttpStatus.BAD_REQUEST, e.getMessage(), path);
    } catch (IOException e) {
      // Only close() can get here; the import itself has reported every row.
      return problem(
          UNREADABLE_INPUT, "Unreadable input", HttpStatus.BAD_REQUEST, "The body broke off", path);
    }
    // Counts and the account only: rows hold patient data.
    LOG.info(
        "Backfill {} {}/{}: {} read, {} published, {} rejected, {} duplicates, {} not published{}",
        importRequest.format(),
        importRequest.channel(),
        importRequest.account(),
        report.rowsRead(),
        report.published(),
        report.rejected(),
        report.duplicates(),
        report.notPublished(),
        report.stop() == null ? "" : ", stopped: " + report.stop());
    return answer(report, path);
  }

  private HttpResponse<?> answer(BackfillReport report, String path) {
    if (report.stop() == BackfillReport.Stop.INPUT_TOO_LARGE) {
      return BackfillProblem.of(
              Problems.BODY_TOO_LARGE,
              "Body too large",
              HttpStatus.REQUEST_ENTITY_TOO_LARGE,
              report.stopDetail(),
              path,
              report)
          .toResponse();
    }
    if (report.stop() == BackfillReport.Stop.INPUT_UNREADABLE) {
      return BackfillProblem.of(
              UNREADABLE_INPUT,
              "Unreadable input",
              HttpStatus.BAD_REQUEST,
              report.stopDetail(),
              path,
              report)
          .toResponse();
    }
    if (report.status() == BackfillReport.Status.INCOMPLETE) {
      String retryAfter =
          Long.toString(settings.retryAfter() == null ? 5 : settings.retryAfter().toSeconds());
      return BackfillProblem.of(
              Problems.KAFKA_UNAVAILABLE,
              "Kafka unavailable",
              HttpStatus.SERVICE_UNAVAILABLE,
              "Not every row could be stored: "
                  + report.stopDetail()
                  + " Send the same file again later; rows already stored keep their ids.",
              path,
              report)
          .toResponse()
          .header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    return HttpResponse.ok(report);
  }

  private HttpResponse<?> checkToken(String authorization, String path) {
    String scheme = "Bearer ";
    if (authorization == null
        || authorization.length() <= scheme.length()
        || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
      return problem(
              MISSING_TOKEN,
              "Missing token",
              HttpStatus.UNAUTHORIZED,
              "Send Authorization: Bearer <the backfill token>",
              path)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-backfill\"");
    }
    byte[] given =
        authorization.substring(scheme.length()).strip().getBytes(StandardCharsets.UTF_8);
    // Constant time, so the token cannot be guessed byte by byte from response times.
    if (!MessageDigest.isEqual(given, settings.token().getBytes(StandardCharsets.UTF_8))) {
      return problem(
              BAD_TOKEN,
              "Bad token",
              HttpStatus.UNAUTHORIZED,
              "The bearer token is not the backfill token",
              path)
          .header(
              HttpHeaders.WWW_AUTHENTICATE,
              "Bearer realm=\"switchboard-backfill\", error=\"invalid_token\"");
    }
    return null;
  }

  private static ImportRequest importRequest(
      String format, String channel, String account, String mapping) throws InvalidImportException {
    ImportFormat parsed =
        ImportFormat.parse(format)
            .orElseThrow(() -> new InvalidImportException("format must be csv or jsonl"));
    Channel parsedChannel = null;
    if (channel != null) {
      try {
        parsedChannel = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidImportException(
            "channel must be one of: "
                + Arrays.stream(Channel.values())
                    .map(Channel::name)
                    .collect(Collectors.joining(", ")));
      }
    }
    return new ImportRequest(parsed, mapping, parsedChannel, account);
  }

  /**
   * The request body, with the server's own size refusal (when {@code micronaut.server
   * .max-request-size} is reached first) reported as the import's, so either limit answers 413.
   */
  private static final class UploadStream extends FilterInputStream {
    private final long limit;

    UploadStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw translated(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw translated(e);
      }
    }

    private IOException translated(IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ContentLengthExceededException) {
          return new InputTooLargeException(limit);
        }
      }
      return e;
    }
  }

  /**
   * A refusal before the body was read. The connection is closed after it: otherwise a client still
   * uploading a large file would wait forever for the server to read the rest.
   */
  private static MutableHttpResponse<Problem> problem(
      String slug, String title, HttpStatus status, String detail, String path) {
    return Problem.of(slug, title, status, detail, path)
        .toResponse()
        .header(HttpHeaders.CONNECTION, "close");
  }
}
