package dev.switchboard.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service of the stack as a process: its runnable jar, where it listens, how to ask it whether
 * it is healthy, and its environment.
 *
 * @param name short name, used as the log prefix
 * @param jar the runnable jar
 * @param port the HTTP port it is told to listen on
 * @param healthPath the path that answers 200 with status UP once it is ready
 * @param jvmOptions options for the JVM running it
 * @param env environment variables added to the launcher's own
 */
public record ServiceSpec(
    String name,
    Path jar,
    int port,
    String healthPath,
    List<String> jvmOptions,
    Map<String, String> env) {

  /** The service's base URL on loopback. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }
}
