package dev.switchboard.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classpath written at build time by kafka-broker or opensearch-node (absolute jar paths in
 * the local Maven repository) and adds the jar that holds the resource, which carries the main
 * class and logging configuration.
 */
final class ChildClasspath {

  private ChildClasspath() {}

  /**
   * The classpath for {@code module}: its resource {@code META-INF/switchboard/<module>.classpath}.
   */
  static String of(String module) {
    String resource = "META-INF/switchboard/" + module + ".classpath";
    URL url = ChildClasspath.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException(
          resource
              + " is not on the classpath: depend on dev.switchboard:"
              + module
              + " (with *:* excluded), built by ./mvnw -pl deploy/"
              + module
              + " install");
    }
    String content;
    try (InputStream in = url.openStream()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
    List<String> entries = new ArrayList<>();
    entries.add(rootOf(url, resource).toString());
    for (String entry : content.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (!Files.exists(Path.of(entry))) {
        throw new IllegalStateException(
            entry
                + " (listed in "
                + url
                + ") is missing from the local Maven repository: rebuild it with ./mvnw -pl deploy/"
                + module
                + " install");
      }
      entries.add(entry);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** The jar file or classes directory that {@code url} (of {@code resource}) lives in. */
  static Path rootOf(URL url, String resource) {
    try {
      if ("jar".equals(url.getProtocol())) {
        return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
      }
      Path file = Path.of(url.toURI());
      for (int i = resource.split("/").length; i > 0; i--) {
        file = file.getParent();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot locate " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + url, e);
    }
  }
}
