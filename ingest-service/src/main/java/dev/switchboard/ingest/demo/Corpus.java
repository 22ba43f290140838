package dev.switchboard.ingest.demo;

import dev.switchboard.contracts.LabelName;
import io.micronaut.serde.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo corpus in play order, read from JSONL (one {@link CorpusItem} per line, blank lines
 * skipped), with the structural checks a stream of platform events must pass: replies answer
 * earlier items of their own thread, edits and deletions follow the item they change.
 */
public final class Corpus {

  /** Where the shipped corpus lives on the classpath. */
  public static final String DEFAULT_RESOURCE = "demo/corpus.jsonl";

  /** The label names of issue 4 as the corpus writes them ({@code libel_risk}, ...). */
  public static final Set<String> LABELS = labelNames();

  private final List<CorpusItem> items;

  private Corpus(List<CorpusItem> items) {
    this.items = List.copyOf(items);
  }

  /** A corpus of these items, in this order (not yet checked: see {@link #problems()}). */
  public static Corpus of(List<CorpusItem> items) {
    return new Corpus(items);
  }

  /** Reads the classpath resource {@code resource}. */
  public static Corpus load(ObjectMapper json, String resource) {
    InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("no demo corpus on the classpath at " + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(json, reader, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo corpus " + resource, e);
    }
  }

  /** Reads JSONL; a line that does not parse fails with its line number (never its content). */
  static Corpus read(ObjectMapper json, BufferedReader reader, String name) throws IOException {
    List<CorpusItem> items = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        items.add(json.readValue(line, CorpusItem.class));
      } catch (IOException e) {
        throw new IOException(name + " line " + lineNumber + " is not a corpus item", e);
      }
    }
    return new Corpus(items);
  }

  /** The items in play order. */
  public List<CorpusItem> items() {
    return items;
  }

  /** How many items. */
  public int size() {
    return items.size();
  }

  /**
   * What is wrong with the corpus as a stream, one line per problem naming the item by position and
   * platform id; empty when it can be played.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    // platformId -> the thread it was created in; its current revision; whether deleted.
    Map<String, String> threadOf = new HashMap<>();
    Map<String, Integer> revisionOf = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    if (items.isEmpty()) {
      problems.add("the corpus is empty");
    }
    for (int i = 0; i < items.size(); i++) {
      CorpusItem item = items.get(i);
      String at = "item " + (i + 1) + " (" + item.platformId() + ")";
      if (item.platformId() == null || item.platformId().isBlank()) {
        problems.add("item " + (i + 1) + " has no platformId");
        continue;
      }
      String id = item.platformId();
      String root = item.rootId();
      if (!id.equals(root) && !root.equals(threadOf.get(root))) {
        problems.add(at + ": its thread root " + root + " is not an earlier root item");
      }
      if (item.parentId() != null && !root.equals(threadOf.get(item.parentId()))) {
        problems.add(at + ": its parent " + item.parentId() + " is not earlier in its thread");
      }
      for (String label : item.labels()) {
        if (!LABELS.contains(label)) {
          problems.add(at + ": unknown label " + label + "; labels are " + LABELS);
        }
      }
      if (deleted.contains(id)) {
        problems.add(at + ": comes after the item was deleted");
        continue;
      }
      switch (item.kindOrDefault()) {
        case "created" -> {
          if (threadOf.containsKey(id)) {
            problems.add(at + ": created twice");
          }
          if (item.revisionOrDefault() != 0) {
            problems.add(at + ": a created item has revision 0");
          }
          requireText(item, at, problems);
          threadOf.put(id, root);
          revisionOf.put(id, 0);
        }
        case "edited" -> {
          if (changesAnEarlierItem(item, at, threadOf, problems)) {
            int expected = revisionOf.get(id) + 1;
            if (item.revisionOrDefault() != expected) {
              problems.add(at + ": an edit must have revision " + expected);
            }
            revisionOf.put(id, item.revisionOrDefault());
          }
          requireText(item, at, problems);
        }
        case "deleted" -> {
          if (changesAnEarlierItem(item, at, threadOf, problems)
              && item.revisionOrDefault() < revisionOf.get(id)) {
            problems.add(at + ": a deletion cannot go back to an earlier revision");
          }
          if (!item.labels().isEmpty()) {
            problems.add(at + ": a deletion has no text, so no labels");
          }
          deleted.add(id);
        }
        default -> problems.add(at + ": unknown kind " + item.kind());
      }
    }
    return problems;
  }

  private static boolean changesAnEarlierItem(
      CorpusItem item, String at, Map<String, String> threadOf, List<String> problems) {
    String thread = threadOf.get(item.platformId());
    if (thread == null) {
      problems.add(at + ": " + item.kindOrDefault() + " before the item was created");
      return false;
    }
    if (!thread.equals(item.rootId())) {
      problems.add(at + ": " + item.kindOrDefault() + " in another thread than the item's");
      return false;
    }
    return true;
  }

  private static void requireText(CorpusItem item, String at, List<String> problems) {
    if (item.text() == null || item.text().isBlank()) {
      problems.add(at + ": has no text");
    }
  }

  private static Set<String> labelNames() {
    Set<String> names = new java.util.TreeSet<>();
    for (LabelName label : LabelName.values()) {
      names.add(label.name().toLowerCase(Locale.ROOT));
    }
    return java.util.Collections.unmodifiableSet(names);
  }
}
