package dev.switchboard.stack;

import dev.switchboard.infra.Infrastructure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * The one-command local run: starts Kafka, OpenSearch and PostgreSQL embedded, then the four
 * services, waits until each is healthy, prints where everything is, prefixes every process's log
 * lines, and stops it all on Ctrl-C. Settings come from the environment (see README).
 */
public final class LocalStack {

  private static final String DEMO_ACCOUNT = "demo-trust";
  private static final String RESET = "\u001b[0m";
  private static final Map<String, String> COLOURS =
      Map.of(
          "kafka", "\u001b[90m",
          "opensearch", "\u001b[90m",
          "postgres", "\u001b[90m",
          "ingest", "\u001b[36m",
          "classify", "\u001b[35m",
          "response", "\u001b[32m",
          "moderation", "\u001b[33m");

  private LocalStack() {}

  /** Runs until interrupted (Ctrl-C). */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    PrintStream out = System.out;
    boolean colour = System.console() != null && !"dumb".equals(env.get("TERM"));
    boolean verbose = "1".equals(env.get("SWITCHBOARD_VERBOSE"));
    BiConsumer<String, String> lines = printer(out, colour, verbose);

    Map<String, String> secrets = webhookSecrets(env);
    String demoAccount = demoAccount(env, secrets);
    StackOptions options =
        new StackOptions(
            Path.of(env.getOrDefault("SWITCHBOARD_HOME", ".")).toAbsolutePath().normalize(),
            port(env, "INGEST_PORT", 8081),
            port(env, "CLASSIFY_PORT", 8082),
            port(env, "RESPONSE_PORT", 8083),
            port(env, "MODERATION_PORT", 8084),
            port(env, "SWITCHBOARD_TOPIC_PARTITIONS", 3),
            secrets,
            env.getOrDefault("SWITCHBOARD_SERVICE_HEAP", "384m"),
            demoAccount,
            demoRate(env));

    long start = System.nanoTime();
    out.println("Switchboard: starting Kafka, OpenSearch and PostgreSQL ...");
    Infrastructure infra =
        LocalInfrastructure.start(
            port(env, "KAFKA_PORT", 19092),
            port(env, "OPENSEARCH_PORT", 19200),
            port(env, "POSTGRES_PORT", 15432),
            lines);
    CountDownLatch stopped = new CountDownLatch(1);
    Stack[] stack = new Stack[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Switchboard: stopping ...");
                  if (stack[0] != null) {
                    stack[0].close();
                  }
                  infra.close();
                  out.println("Switchboard: stopped.");
                  stopped.countDown();
                },
                "switchboard-stop"));
    out.printf(
        "Switchboard: infrastructure up in %d s; starting the services ...%n",
        Duration.ofNanos(System.nanoTime() - start).toSeconds());
    try {
      stack[0] = Stack.start(infra, options, Duration.ofMinutes(4), lines);
    } catch (RuntimeException e) {
      out.println("Switchboard: a service did not start: " + e.getMessage());
      System.exit(1);
    }
    out.println(banner(infra, options, stack[0], start));
    stopped.await();
  }

  private static String banner(
      Infrastructure infra, StackOptions options, Stack stack, long start) {
    StringBuilder b = new StringBuilder();
    b.append("\n================ Switchboard is up in ")
        .append(Duration.ofNanos(System.nanoTime() - start).toSeconds())
        .append(" s ================\n");
    for (ServiceSpec spec : Stack.specs(infra, options)) {
      b.append(
          String.format(
              "  %-11s %s   health %s%s   pid %d%n",
              spec.name(),
              spec.baseUrl(),
              spec.baseUrl(),
              spec.healthPath(),
              stack.service(spec.name()).pid()));
    }
    b.append("  kafka       ").append(infra.kafkaBootstrapServers()).append('\n');
    b.append("  opensearch  ").append(infra.openSearchUrl()).append('\n');
    b.append("  postgresql  ").append(infra.jdbcUrl("response")).append('\n');
    b.append("\n  Search:  curl '")
        .append("http://127.0.0.1:")
        .append(options.responsePort())
        .append("/api/search?q=parking'\n");
    b.append("  Cases:   curl 'http://127.0.0.1:")
        .append(options.responsePort())
        .append("/api/cases'\n");
    options
        .webhookSecrets()
        .forEach(
            (account, secret) ->
                b.append("  Post to account '")
                    .append(account)
                    .append("':  deploy/local-stack/post-sample.sh ")
                    .append(account)
                    .append(" 'We waited six hours in A&E, how do I complain?'\n")
                    .append("    (with ")
                    .append(StackOptions.secretVariable(account))
                    .append(
                        DEMO_ACCOUNT.equals(account)
                            ? "=" + secret + " in the environment; generated for this run)\n"
                            : " from your environment)\n"));
    if (options.demo()) {
      b.append("\n  Demo stream: playing the Northbrook corpus to '")
          .append(options.demoAccount())
          .append("' at ")
          .append(rate(options.demoRate()))
          .append(" posts a minute (SWITCHBOARD_DEMO=0 turns it off)\n");
    }
    b.append("\n  Ctrl-C stops everything.\n");
    return b.toString();
  }

  /**
   * Webhook secrets from {@code SWITCHBOARD_WEBHOOK_SECRET_*} variables; when there are none, one
   * generated for this run for the account {@code demo-trust}, so nothing secret is ever in git.
   */
  static Map<String, String> webhookSecrets(Map<String, String> env) {
    String prefix = "SWITCHBOARD_WEBHOOK_SECRET_";
    Map<String, String> secrets = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(prefix) && !value.isBlank()) {
            secrets.put(name.substring(prefix.length()).toLowerCase().replace('_', '-'), value);
          }
        });
    if (secrets.isEmpty()) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      secrets.put(DEMO_ACCOUNT, HexFormat.of().formatHex(random));
    }
    return secrets;
  }

  /**
   * The account the demo stream plays to: {@code demo-trust} when it has a secret (always, unless
   * secrets came from the environment), else the first account; null when {@code SWITCHBOARD_DEMO}
   * is {@code 0}.
   */
  static String demoAccount(Map<String, String> env, Map<String, String> secrets) {
    if ("0".equals(env.getOrDefault("SWITCHBOARD_DEMO", "1").trim()) || secrets.isEmpty()) {
      return null;
    }
    return secrets.containsKey(DEMO_ACCOUNT) ? DEMO_ACCOUNT : secrets.keySet().iterator().next();
  }

  /** Posts a minute of the demo stream: {@code SWITCHBOARD_DEMO_RATE}, 30 by default. */
  static double demoRate(Map<String, String> env) {
    String value = env.getOrDefault("SWITCHBOARD_DEMO_RATE", "30").trim();
    try {
      double rate = Double.parseDouble(value);
      if (rate > 0 && !Double.isInfinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below, with the name of the variable
    }
    throw new IllegalArgumentException(
        "SWITCHBOARD_DEMO_RATE must be a positive number of posts a minute, not '" + value + "'");
  }

  private static String rate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
    }
  }

  private static BiConsumer<String, String> printer(
      PrintStream out, boolean colour, boolean verbose) {
    return (name, line) -> {
      boolean infra = name.equals("kafka") || name.equals("opensearch") || name.equals("postgres");
      if (infra && !verbose && !(line.contains("WARN") || line.contains("ERROR"))) {
        return;
      }
      String prefix = String.format("%-10s|", name);
      synchronized (out) {
        out.println(
            colour
                ? COLOURS.getOrDefault(name, "") + prefix + RESET + " " + line
                : prefix + " " + line);
      }
    };
  }
}
