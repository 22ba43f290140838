package dev.switchboard.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A service running as a child JVM, its output lines handed to a sink as they come. */
public final class ServiceProcess implements AutoCloseable {

  private static final int TAIL_LINES = 60;

  private final ServiceSpec spec;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();

  private ServiceProcess(ServiceSpec spec, Process process) {
    this.spec = spec;
    this.process = process;
  }

  /** Starts the service's jar with the same {@code java} that runs this JVM. */
  public static ServiceProcess start(ServiceSpec spec, Consumer<String> lines) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    command.add("-jar");
    command.add(spec.jar().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(spec.env());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + spec.name() + " from " + spec.jar(), e);
    }
    ServiceProcess service = new ServiceProcess(spec, process);
    Thread pump = new Thread(() -> service.pump(lines), spec.name() + "-output");
    pump.setDaemon(true);
    pump.start();
    return service;
  }

  private void pump(Consumer<String> lines) {
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
        lines.accept(line);
      }
    } catch (IOException e) {
      // The process ended and closed its output; nothing left to read.
    }
  }

  /**
   * Waits until the health endpoint answers 200 with status UP.
   *
   * @throws IllegalStateException with the end of the service's output if it exits or the time runs
   *     out first
   */
  public void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(spec.baseUrl() + spec.healthPath()))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            spec.name()
                + " exited with code "
                + process.exitValue()
                + "; its last output:\n"
                + tail());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        spec.name() + " was not healthy after " + timeout + "; its last output:\n" + tail());
  }

  /** The service's specification. */
  public ServiceSpec spec() {
    return spec;
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines the service printed. */
  public String tail() {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }

  /** Asks the service to stop (SIGTERM) and kills it if it has not stopped within 20 s. */
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
