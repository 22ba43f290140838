package dev.switchboard.ingest.backfill;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.ingest.webhook.GenericPost;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import dev.switchboard.ingest.webhook.InvalidPostException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Reads a CSV or JSONL export row by row, maps each row to a {@link ChannelEvent} (source IMPORT,
 * the row's text as {@code raw}, ids from {@code Ids}) through the same {@link GenericPostMapper}
 * as the generic webhook, and publishes it, keeping a bounded number of rows in flight so memory
 * stays flat whatever the file's size. It stops reading at the first row Kafka does not acknowledge
 * and says so in the report: re-running the same file is safe, since the ids are deterministic.
 */
public final class BackfillImport {

  /** At most this many entries in each list of the report; the counts are always complete. */
  public static final int MAX_LISTED = 1000;

  /** Sends one event; the future completes when Kafka acknowledged it, or fails. */
  @FunctionalInterface
  public interface EventSink {
    /** Starts publishing {@code event}. */
    CompletableFuture<?> publish(ChannelEvent event);
  }

  /** Told after each row read, so a caller can show progress. */
  public interface Progress {
    /** {@code rows} rows and {@code bytes} bytes read so far. */
    void update(long rows, long bytes);

    /** The import ended after {@code rows} rows and {@code bytes} bytes. */
    default void finish(long rows, long bytes) {}

    /** No progress shown. */
    Progress NONE = (rows, bytes) -> {};
  }

  /**
   * Limits of one import.
   *
   * @param maxBytes the largest input read, in bytes (0: no limit)
   * @param maxRowChars the longest row read, in characters
   * @param maxInFlight rows sent but not yet acknowledged, at most
   */
  public record Limits(long maxBytes, int maxRowChars, int maxInFlight) {}

  private final GenericPostMapper mapper;
  private final JsonlMapping jsonl;
  private final EventSink sink;
  private final Clock clock;
  private final Limits limits;

  /** An import that maps with {@code mapper} and publishes through {@code sink}. */
  public BackfillImport(
      GenericPostMapper mapper, JsonMapper json, EventSink sink, Clock clock, Limits limits) {
    this.mapper = mapper;
    this.jsonl = new JsonlMapping(json);
    this.sink = sink;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Checks {@code request} before any input is read.
   *
   * @throws InvalidImportException when the mapping does not exist or does not fit the format
   */
  public static void validate(ImportRequest request) throws InvalidImportException {
    if (request.format() == null) {
      throw new InvalidImportException("format must be csv or jsonl");
    }
    if (request.format() == ImportFormat.JSONL) {
      if (request.mapping() != null && !request.mapping().equals(CsvMappings.DEFAULT)) {
        throw new InvalidImportException(
            "JSONL is always the generic post shape; leave mapping out for format jsonl");
      }
    } else if (request.mapping() != null && CsvMappings.byName(request.mapping()).isEmpty()) {
      throw new InvalidImportException(
          "mapping must be one of: " + String.join(", ", CsvMappings.names()));
    }
    if (request.account() != null && request.account().isBlank()) {
      throw new InvalidImportException("account must not be blank; leave it out instead");
    }
  }

  /**
   * Imports {@code input} (not closed here) and returns the report once every row sent has been
   * acknowledged or has failed.
   *
   * @throws InvalidImportException when the import cannot start (nothing was published)
   */
  public BackfillReport run(InputStream input, ImportRequest request, Progress progress)
      throws InvalidImportException {
    validate(request);
    CountingInputStream counted = new CountingInputStream(input, limits.maxBytes());
    Tally tally = new Tally();
    Semaphore inFlight = new Semaphore(limits.maxInFlight());
    AtomicReference<Throwable> kafkaFailure = new AtomicReference<>();
    EventIdSet seen = new EventIdSet();
    BackfillReport.Stop stop = null;
    String stopDetail = null;
    boolean csv = request.format() == ImportFormat.CSV;
    CsvMapping.Bound bound = null;
    int columns = 0;
    try {
      RowReader reader =
          csv
              ? new CsvReader(Utf8Input.open(counted), limits.maxRowChars())
              : new JsonlReader(Utf8Input.open(counted), limits.maxRowChars());
      if (csv) {
        SourceRow header = reader.next();
        if (header == null) {
          throw new InvalidImportException("The file is empty; a CSV export starts with a header");
        }
        if (header.problem() != null) {
          throw new InvalidImportException(
              "The header row cannot be read: " + header.problem().detail());
        }
        String name = request.mapping() == null ? CsvMappings.DEFAULT : request.mapping();
        bound = CsvMappings.byName(name).orElseThrow().bind(new CsvHeader(header.fields()));
        columns = header.fields().size();
      }
      while (kafkaFailure.get() == null) {
        SourceRow row = reader.next();
        if (row == null) {
          break;
        }
        tally.read(row.line());
        progress.update(tally.rowsRead, counted.count());
        ChannelEvent event;
        try {
          event = toEvent(row, bound, columns, request);
        } catch (RowRejectedException e) {
          tally.reject(e.at(row.line()));
          continue;
        }
        if (!seen.add(event.eventId())) {
          tally.duplicate(row.line());
          continue;
        }
        inFlight.acquireUninterruptibly();
        long line = row.line();
        publish(event)
            .whenComplete(
                (acknowledged, failure) -> {
                  if (failure == null) {
                    tally.published.incrementAndGet();
                  } else {
                    tally.notPublished(line);
                    kafkaFailure.compareAndSet(null, failure);
                  }
                  inFlight.release();
                });
      }
    } catch (InputTooLargeException e) {
      stop = BackfillReport.Stop.INPUT_TOO_LARGE;
      stopDetail = "The " + e.getMessage() + "; " + after(tally);
    } catch (IOException e) {
      stop = BackfillReport.Stop.INPUT_UNREADABLE;
      stopDetail = "The input could not be read on (" + causes(e) + "); " + after(tally);
    } finally {
      // Every row sent is either acknowledged or failed before the report is written.
      inFlight.acquireUninterruptibly(limits.maxInFlight());
      inFlight.release(limits.maxInFlight());
    }
    progress.finish(tally.rowsRead, counted.count());
    if (stop == null && kafkaFailure.get() != null) {
      stop = BackfillReport.Stop.KAFKA_UNAVAILABLE;
      stopDetail =
          "Kafka did not acknowledge every row ("
              + kafkaFailure.get().getMessage()
              + "); reading stopped: "
              + after(tally);
    }
    return tally.report(stop, stopDetail, counted.count());
  }

  private CompletableFuture<?> publish(ChannelEvent event) {
    try {
      return sink.publish(event);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The exception's class names down its causes: enough to diagnose, never any content. */
  private static String causes(Throwable e) {
    StringBuilder names = new StringBuilder(e.getClass().getSimpleName());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      names.append(" < ").append(cause.getClass().getSimpleName());
    }
    return names.toString();
  }

  private static String after(Tally tally) {
    return "nothing after " + lineWords(tally) + " was read";
  }

  private static String lineWords(Tally tally) {
    return tally.lastLine == 0 ? "the start of the file" : "line " + tally.lastLine;
  }

  private ChannelEvent toEvent(
      SourceRow row, CsvMapping.Bound bound, int columns, ImportRequest request)
      throws RowRejectedException {
    if (row.problem() != null) {
      throw new RowRejectedException(
          row.problem().reason(), row.problem().column(), row.problem().detail());
    }
    MappedRow mapped;
    if (bound != null) {
      if (row.fields().size() != columns) {
        throw new RowRejectedException(
            RejectReason.MALFORMED_CSV,
            null,
            "the row has " + row.fields().size() + " fields; the header has " + columns);
      }
      mapped = bound.map(row.fields());
    } else {
      mapped = jsonl.map(row.raw());
    }
    Channel channel = channel(mapped.channel(), request.channel());
    String account = account(mapped.account(), request.account());
    GenericPost post = withAccount(mapped.post(), account);
    try {
      return mapper.toChannelEvent(
          channel, account, post, row.raw(), clock.instant(), IngestSource.IMPORT);
    } catch (InvalidPostException e) {
      String column = e.field() == null || bound == null ? e.field() : bound.columnFor(e.field());
      String detail =
          column == null || column.equals(e.field())
              ? e.getMessage()
              : "column " + column + ": " + e.getMessage();
      throw new RowRejectedException(reason(e), column, detail);
    }
  }

  private static Channel channel(String own, Channel fallback) throws RowRejectedException {
    if (own == null || own.isBlank()) {
      if (fallback == null) {
        throw new RowRejectedException(
            RejectReason.MISSING_VALUE,
            "channel",
            "the row has no channel and the import names none (channel=)");
      }
      return fallback;
    }
    try {
      return Channel.valueOf(own.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RowRejectedException(
          RejectReason.UNKNOWN_VALUE,
          "channel",
          "channel must be one of: "
              + Arrays.stream(Channel.values())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  private static String account(String own, String fallback) throws RowRejectedException {
    if (own != null && !own.isBlank()) {
      return own.strip();
    }
    if (fallback == null) {
      throw new RowRejectedException(
          RejectReason.MISSING_VALUE,
          "account",
          "the row has no account and the import names none (account=)");
    }
    return fallback;
  }

  private static GenericPost withAccount(GenericPost p, String account) {
    return new GenericPost(
        account,
        p.platformId(),
        p.threadRootId(),
        p.parentId(),
        p.kind(),
        p.revision(),
        p.itemType(),
        p.author(),
        p.text(),
        p.url(),
        p.createdAt(),
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }

  /** The mapper's field and wording, sorted into the report's reasons. */
  static RejectReason reason(InvalidPostException e) {
    String field = e.field() == null ? "" : e.field();
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (field.equals("createdAt")) {
      return message.contains("required") ? RejectReason.MISSING_VALUE : RejectReason.BAD_DATE;
    }
    if (field.equals("kind")) {
      return RejectReason.UNKNOWN_KIND;
    }
    if (field.equals("itemType") || field.equals("visibility")) {
      return RejectReason.UNKNOWN_VALUE;
    }
    if (field.equals("text") && message.contains("longer than")) {
      return RejectReason.TEXT_TOO_LONG;
    }
    if (message.contains("required")) {
      return RejectReason.MISSING_VALUE;
    }
    return RejectReason.INVALID_VALUE;
  }

  /** Counts and capped lists; the published count and failures are updated from Kafka threads. */
  private static final class Tally {
    long rowsRead;
    long lastLine;
    long rejected;
    long duplicates;
    final AtomicLong published = new AtomicLong();
    final AtomicLong notPublished = new AtomicLong();
    final List<Rejection> rejections = new ArrayList<>();
    final List<Long> duplicateLines = new ArrayList<>();
    final List<Long> notPublishedLines = Collections.synchronizedList(new ArrayList<>());

    void read(long line) {
      rowsRead++;
      lastLine = line;
    }

    void reject(Rejection rejection) {
      rejected++;
      if (rejections.size() < MAX_LISTED) {
        rejections.add(rejection);
      }
    }

    void duplicate(long line) {
      duplicates++;
      if (duplicateLines.size() < MAX_LISTED) {
        duplicateLines.add(line);
      }
    }

    void notPublished(long line) {
      notPublished.incrementAndGet();
      synchronized (notPublishedLines) {
        if (notPublishedLines.size() < MAX_LISTED) {
          notPublishedLines.add(line);
        }
      }
    }

    BackfillReport report(BackfillReport.Stop stop, String stopDetail, long bytes) {
      List<Long> failed;
      synchronized (notPublishedLines) {
        failed = notPublishedLines.stream().sorted().toList();
      }
      boolean complete = stop == null && notPublished.get() == 0;
      return new BackfillReport(
          complete ? BackfillReport.Status.COMPLETE : BackfillReport.Status.INCOMPLETE,
          rowsRead,
          published.get(),
          rejected,
          duplicates,
          notPublished.get(),
          bytes,
          List.copyOf(rejections),
          List.copyOf(duplicateLines),
          failed,
          stop,
          stopDetail,
          lastLine);
    }
  }
}
