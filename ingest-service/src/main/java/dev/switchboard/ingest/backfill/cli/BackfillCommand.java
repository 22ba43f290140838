package dev.switchboard.ingest.backfill.cli;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Topics;
import dev.switchboard.ingest.backfill.BackfillImport;
import dev.switchboard.ingest.backfill.BackfillReport;
import dev.switchboard.ingest.backfill.ImportFormat;
import dev.switchboard.ingest.backfill.ImportRequest;
import dev.switchboard.ingest.backfill.InvalidImportException;
import dev.switchboard.ingest.backfill.ProgressBar;
import dev.switchboard.ingest.backfill.config.BackfillSettings;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.messaging.ChannelEventPublisher;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The backfill import from the command line (docs/backfill.md): publishes a file straight to Kafka
 * with the service's own mapper, publisher and producer settings (a Micronaut context without the
 * HTTP server), shows progress on stderr and prints the report on stdout. Exit code 0 when every
 * row was published, 1 when rows were rejected or not published, 2 for a usage error or a file it
 * cannot start on, 3 when Kafka or its topic is not there.
 */
public final class BackfillCommand {

  /** Every row published. */
  public static final int OK = 0;

  /** Rows rejected or not published: see the report. */
  public static final int ROWS_NOT_PUBLISHED = 1;

  /** Bad arguments, or a file that cannot be imported at all (nothing published). */
  public static final int USAGE = 2;

  /** Kafka did not answer, or the channel-events topic does not exist. */
  public static final int NO_KAFKA = 3;

  private static final int LISTED_ON_SCREEN = 20;

  private static final String USAGE_TEXT =
      """
      Usage: backfill.sh --file <export> --format csv|jsonl [--channel <CHANNEL>] [--account <id>]
                         [--mapping generic|facebook-comments|wordpress-comments]
                         [--kafka host:port] [--report report.json] [--progress auto|tty|plain|none]
        --channel and --account apply to rows that do not name their own (JSONL or generic CSV).
        --kafka defaults to KAFKA_BOOTSTRAP_SERVERS, then 127.0.0.1:9092.
      Exit code: 0 all published, 1 rows rejected or not published, 2 usage, 3 Kafka unreachable.
      """;

  private BackfillCommand() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    // Before the first logger exists: framework logs to stderr at WARN, never over the report.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-backfill.xml");
    }
    System.exit(run(args, System.out, System.err, isTerminal()));
  }

  /**
   * Runs the command with {@code args}, the report on {@code out}, progress and errors on {@code
   * err}; {@code terminal} says whether {@code err} is a terminal. Returns the exit code.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE_TEXT);
      return USAGE;
    }
    if (!Files.isRegularFile(options.file)) {
      err.println("No such file: " + options.file);
      return USAGE;
    }
    try {
      BackfillImport.validate(options.request);
    } catch (InvalidImportException e) {
      err.println(e.getMessage());
      return USAGE;
    }
    Map<String, Object> properties = new HashMap<>();
    if (options.kafka != null) {
      properties.put(KafkaSettings.PREFIX + ".bootstrap-servers", options.kafka);
    }
    try (ApplicationContext context =
        ApplicationContext.builder().deduceEnvironment(false).properties(properties).start()) {
      KafkaSettings kafka = context.getBean(KafkaSettings.class);
      String missing = checkTopic(context.getBean(Admin.class), kafka);
      if (missing != null) {
        err.println(missing);
        return NO_KAFKA;
      }
      BackfillSettings settings = context.getBean(BackfillSettings.class);
      ObjectMapper json = context.getBean(ObjectMapper.class);
      BackfillImport backfill =
          new BackfillImport(
              context.getBean(GenericPostMapper.class),
              json,
              context.getBean(ChannelEventPublisher.class)::publish,
              context.getBean(Clock.class),
              // A local file has no upload limit; rows and rows in flight are limited as usual.
              new BackfillImport.Limits(0, settings.maxRowChars(), settings.maxInFlight()));
      BackfillImport.Progress progress = progress(options, err, terminal);
      BackfillReport report;
      try (InputStream in = Files.newInputStream(options.file)) {
        report = backfill.run(in, options.request, progress);
      }
      print(report, options, out);
      if (options.report != null) {
        Files.write(options.report, json.writeValueAsBytes(report));
        out.println("Report written to " + options.report);
      }
      return report.clean() ? OK : ROWS_NOT_PUBLISHED;
    } catch (InvalidImportException e) {
      err.println(e.getMessage());
      return USAGE;
    } catch (IOException e) {
      err.println("Could not read or write a file: " + e.getMessage());
      return USAGE;
    }
  }

  /** Null when the topic is there; otherwise what is wrong, in words. */
  private static String checkTopic(Admin admin, KafkaSettings kafka) {
    try {
      admin
          .describeTopics(List.of(Topics.CHANNEL_EVENTS))
          .allTopicNames()
          .get(kafka.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return "Kafka at "
            + kafka.bootstrapServers()
            + " has no topic "
            + Topics.CHANNEL_EVENTS
            + "; start ingest-service once, it creates its topics";
      }
      return "Kafka at "
          + kafka.bootstrapServers()
          + " did not answer: "
          + e.getCause().getClass().getSimpleName();
    } catch (java.util.concurrent.TimeoutException e) {
      return "Kafka at "
          + kafka.bootstrapServers()
          + " did not answer within "
          + kafka.ackTimeout();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Interrupted";
    }
  }

  private static BackfillImport.Progress progress(
      Options options, PrintStream err, boolean terminal) throws IOException {
    String mode = options.progress;
    if (mode.equals("none")) {
      return BackfillImport.Progress.NONE;
    }
    boolean tty = mode.equals("tty") || (mode.equals("auto") && terminal);
    return new ProgressBar(
        err,
        Clock.systemUTC(),
        Files.size(options.file),
        tty,
        tty ? Duration.ofMillis(200) : Duration.ofSeconds(5));
  }

  private static void print(BackfillReport report, Options options, PrintStream out) {
    ImportRequest request = options.request;
    out.printf(
        Locale.ROOT,
        "Backfill of %s (%s%s) for %s/%s: %s%n",
        options.file.getFileName(),
        request.format().name().toLowerCase(Locale.ROOT),
        request.mapping() == null ? "" : ", mapping " + request.mapping(),
        request.channel() == null ? "(per row)" : request.channel(),
        request.account() == null ? "(per row)" : request.account(),
        report.status());
    out.printf(Locale.ROOT, "  rows read      %,12d%n", report.rowsRead());
    out.printf(
        Locale.ROOT, "  published      %,12d  (acknowledged by Kafka)%n", report.published());
    out.printf(Locale.ROOT, "  rejected       %,12d%n", report.rejected());
    out.printf(
        Locale.ROOT,
        "  duplicates     %,12d  (same event id as an earlier row)%n",
        report.duplicates());
    out.printf(Locale.ROOT, "  not published  %,12d%n", report.notPublished());
    if (report.stop() != null) {
      out.println("Stopped early (" + report.stop() + "): " + report.stopDetail());
      out.println("Run the same file again: rows already published keep their ids.");
    }
    if (!report.rejections().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "Rejected rows (%s):%n",
          report.rejected() > LISTED_ON_SCREEN
              ? "first " + LISTED_ON_SCREEN + " of " + report.rejected() + "; all in --report"
              : report.rejected());
      report.rejections().stream()
          .limit(LISTED_ON_SCREEN)
          .forEach(
              r ->
                  out.printf(
                      Locale.ROOT, "  line %-8d %-15s %s%n", r.line(), r.reason(), r.detail()));
    }
    if (!report.notPublishedLines().isEmpty()) {
      out.println(
          "Lines not acknowledged by Kafka: "
              + report.notPublishedLines().stream().limit(LISTED_ON_SCREEN).toList()
              + (report.notPublished() > LISTED_ON_SCREEN ? " ..." : ""));
    }
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22 a console exists even when redirected; isTerminal() tells the two apart.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** The parsed command line. */
  private static final class Options {
    Path file;
    Path report;
    String kafka;
    String progress = "auto";
    ImportRequest request;

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--help") || name.equals("-h")) {
          throw new IllegalArgumentException("Backfill import of a CSV or JSONL export.");
        }
        List<String> known =
            List.of(
                "--file",
                "--format",
                "--channel",
                "--account",
                "--mapping",
                "--kafka",
                "--report",
                "--progress");
        if (!known.contains(name)) {
          throw new IllegalArgumentException("Unknown option " + name);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        values.put(name, args[++i]);
      }
      Options options = new Options();
      String file = values.get("--file");
      if (file == null) {
        throw new IllegalArgumentException("--file is required");
      }
      options.file = Path.of(file);
      ImportFormat format =
          ImportFormat.parse(values.get("--format"))
              .orElseThrow(() -> new IllegalArgumentException("--format must be csv or jsonl"));
      Channel channel = null;
      if (values.containsKey("--channel")) {
        try {
          channel = Channel.valueOf(values.get("--channel").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "--channel must be one of: " + List.of(Channel.values()));
        }
      }
      options.request =
          new ImportRequest(format, values.get("--mapping"), channel, values.get("--account"));
      options.kafka = values.get("--kafka");
      options.report = values.containsKey("--report") ? Path.of(values.get("--report")) : null;
      options.progress = values.getOrDefault("--progress", "auto");
      if (!List.of("auto", "tty", "plain", "none").contains(options.progress)) {
        throw new IllegalArgumentException("--progress must be auto, tty, plain or none");
      }
      return options;
    }
  }
}
