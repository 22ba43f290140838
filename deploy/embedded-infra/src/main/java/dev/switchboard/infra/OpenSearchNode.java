package dev.switchboard.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A single-node OpenSearch cluster with REST on loopback (no security plugin), run as a child JVM
 * from the classpath that the {@code opensearch-node} module wrote at build time. Has the {@code
 * english} analyzer and the other analysis-common and mapper-extras features.
 */
public final class OpenSearchNode implements AutoCloseable {

  /** The name of this child in output lines and log files. */
  public static final String NAME = "opensearch";

  private static final String MAIN = "dev.switchboard.opensearchnode.OpenSearchNodeMain";
  // Same names as OpenSearchNodeMain's constants; kept apart so that class is never loaded here.
  private static final String HTTP_PORT_LINE = "SWITCHBOARD-OPENSEARCH-HTTP-PORT=";
  private static final List<String> HEAP = List.of("-Xms256m", "-Xmx512m");

  private final ChildProcess process;
  private final int port;

  private Duration startTime = Duration.ZERO;

  private OpenSearchNode(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a node whose data and logs live in {@code dir}, with REST on {@code port} (0 for a free
   * one), and waits until REST answers and the cluster is at least yellow.
   *
   * @param output receives ({@value #NAME}, line) for each line the node prints; may be null
   */
  public static OpenSearchNode start(
      Path dir, int port, BiConsumer<String, String> output, Duration timeout) {
    long started = System.nanoTime();
    AtomicInteger boundPort = new AtomicInteger();
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaBinary());
    command.addAll(HEAP);
    command.addAll(ChildProcess.jvmFlags());
    // what the distribution's jvm.options sets and the node checks or relies on
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlog4j2.formatMsgNoLookups=true");
    command.add("-cp");
    command.add(ChildClasspath.of("opensearch-node"));
    command.add(MAIN);
    command.add("path.home=" + dir.toAbsolutePath());
    command.add("path.data=" + dir.resolve("data").toAbsolutePath());
    command.add("path.logs=" + dir.resolve("logs").toAbsolutePath());
    command.add("http.port=" + port);
    ChildProcess process =
        ChildProcess.start(
            NAME,
            command,
            dir,
            dir.resolve("opensearch.log"),
            output,
            line -> {
              if (line.startsWith(HTTP_PORT_LINE)) {
                boundPort.set(Integer.parseInt(line.substring(HTTP_PORT_LINE.length()).trim()));
              }
            });
    try {
      process.awaitReady("announcing its HTTP port", timeout, () -> boundPort.get() != 0);
      OpenSearchNode node = new OpenSearchNode(process, boundPort.get());
      Duration left =
          Duration.ofNanos(Math.max(0, timeout.toNanos() - (System.nanoTime() - started)));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      process.awaitReady(
          "yellow or green at " + node.url(),
          left,
          () ->
              status(http, node.url() + "/") == 200
                  && status(http, node.url() + "/_cluster/health?wait_for_status=yellow&timeout=2s")
                      == 200);
      node.startTime = Duration.ofNanos(System.nanoTime() - started);
      return node;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static int status(HttpClient http, String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The REST port. */
  public int port() {
    return port;
  }

  /** The node JVM's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the node process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** How long the start took, from launch until ready. */
  public Duration startTime() {
    return startTime;
  }

  /** The node's output, also kept when no sink was given. */
  public Path logFile() {
    return process.logFile();
  }

  /** Stops the node cleanly, forcibly after 30 s. */
  @Override
  public void close() {
    process.close();
  }
}
