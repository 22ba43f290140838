package dev.switchboard.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where each record's JSON Schema and example messages live on the classpath (also inside the
 * contracts jar), so any service can prove its own serializer reads and writes the contract.
 *
 * <p>Paths are classpath resource names without a leading slash, for {@link
 * ClassLoader#getResourceAsStream(String)}. A jar cannot be listed reliably, so each example folder
 * carries an {@code index.txt} naming its files, one per line.
 */
public final class Schemas {

  private Schemas() {}

  /** Folder of the schemas: {@code <name>.schema.json}. */
  public static final String SCHEMAS_FOLDER = "dev/switchboard/contracts/schemas/";

  /** Folder of the examples: {@code <name>/index.txt} and the files it lists. */
  public static final String EXAMPLES_FOLDER = "dev/switchboard/contracts/examples/";

  /** The six top-level records, in topic order. */
  public static final List<Class<? extends Record>> RECORDS =
      List.of(
          ChannelEvent.class,
          ClassifiedEvent.class,
          ModerationCommand.class,
          ModerationOutcome.class,
          CaseEvent.class,
          SlaAlert.class);

  private static final Map<Class<?>, String> NAMES =
      Map.of(
          ChannelEvent.class, "channel-event",
          ClassifiedEvent.class, "classified-event",
          ModerationCommand.class, "moderation-command",
          ModerationOutcome.class, "moderation-outcome",
          CaseEvent.class, "case-event",
          SlaAlert.class, "sla-alert");

  /** The record's contract name, e.g. {@code channel-event} for {@link ChannelEvent}. */
  public static String name(Class<?> record) {
    String name = NAMES.get(record);
    if (name == null) {
      throw new IllegalArgumentException(record.getName() + " is not a top-level contract record");
    }
    return name;
  }

  /**
   * The record's JSON Schema, e.g. {@code dev/switchboard/contracts/schemas/sla-alert.schema.json}.
   */
  public static String schemaResource(Class<?> record) {
    return SCHEMAS_FOLDER + name(record) + ".schema.json";
  }

  /** The record's example messages, as listed in its folder's {@code index.txt}. */
  public static List<String> exampleResources(Class<?> record) {
    String folder = EXAMPLES_FOLDER + name(record) + "/";
    String index = folder + "index.txt";
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(index)) {
      if (in == null) {
        throw new IllegalStateException("missing example index " + index);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(file -> folder + file)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + index, e);
    }
  }
}
