package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged ingest-service jar running as a child JVM, as in production: its own process, so its
 * CPU and memory are measured apart from the load generator's.
 */
final class IngestProcess implements AutoCloseable {

  private static final int TAIL_LINES = 40;

  private final Process process;
  private final int port;
  private final Deque<String> tail = new ArrayDeque<>();

  private IngestProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar with the same {@code java} as this JVM; its output is kept, not printed. */
  static IngestProcess start(Path jar, int port, List<String> jvmOptions, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      IngestProcess ingest = new IngestProcess(builder.start(), port);
      Thread pump = new Thread(ingest::pump, "ingest-output");
      pump.setDaemon(true);
      pump.start();
      return ingest;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start ingest-service from " + jar, e);
    }
  }

  /** The runnable jar {@code package} made in {@code home/ingest-service/target}. */
  static Path jar(Path home) {
    Path target = home.resolve("ingest-service").resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                // not Maven's original- copy, which lacks the dependencies
                return name.startsWith("ingest-service-")
                    && name.endsWith(".jar")
                    && !name.endsWith("-sources.jar")
                    && !name.endsWith("-tests.jar");
              })
          .findFirst()
          .orElseThrow(() -> noJar(target));
    } catch (IOException e) {
      throw new IllegalStateException(noJar(target).getMessage(), e);
    }
  }

  private static IllegalStateException noJar(Path target) {
    return new IllegalStateException(
        "no runnable ingest-service jar in "
            + target.toAbsolutePath()
            + ": build it first (see bench/README.md)");
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Waits until {@code GET /health} answers UP; throws with the service's last output if not. */
  void awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "ingest-service exited with " + process.exitValue() + "; its last output:\n" + tail());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        "ingest-service not healthy after " + timeout + "; its last output:\n" + tail());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  String tail() {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
