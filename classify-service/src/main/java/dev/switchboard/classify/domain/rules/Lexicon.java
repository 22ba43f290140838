package dev.switchboard.classify.domain.rules;

import dev.switchboard.classify.domain.text.NormalisedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase of every cue in one Aho-Corasick automaton over tokens, so a post is matched against
 * all lexicons in a single pass however many phrases a trust adds.
 *
 * <p>Text format (the shipped lexicon and a trust's extension): {@code [cue_name]} starts a
 * section, each further line is one phrase, optionally followed by {@code | weight}; {@code #}
 * starts a comment.
 */
public final class Lexicon {

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    Node fail;
    LexiconEntry[] out = new LexiconEntry[0];
  }

  private final Node root = new Node();
  private final List<LexiconEntry> entries;
  private final Set<String> vocabulary = new HashSet<>();

  /** Builds the automaton over {@code entries}. */
  public Lexicon(Collection<LexiconEntry> entries) {
    this.entries = List.copyOf(entries);
    for (LexiconEntry entry : this.entries) {
      Node node = root;
      for (String word : entry.words()) {
        node = node.next.computeIfAbsent(word, w -> new Node());
        vocabulary.add(word);
      }
      node.out = append(node.out, entry);
    }
    link();
  }

  /** Parses the lexicon text format. */
  public static List<LexiconEntry> parse(Reader reader) {
    List<LexiconEntry> out = new ArrayList<>();
    Cue cue = null;
    try (BufferedReader lines = new BufferedReader(reader)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        int hash = line.indexOf('#');
        String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
          String name = text.substring(1, text.length() - 1).strip().toUpperCase(Locale.ROOT);
          try {
            cue = Cue.valueOf(name);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": unknown section " + text, e);
          }
          continue;
        }
        if (cue == null) {
          throw new IllegalArgumentException("line " + number + ": a phrase before any [section]");
        }
        double weight = 1.0;
        int bar = text.indexOf('|');
        if (bar >= 0) {
          weight = Double.parseDouble(text.substring(bar + 1).strip());
          text = text.substring(0, bar).strip();
        }
        List<String> words =
            List.of(
                text.toLowerCase(Locale.ROOT)
                    .replace("'", "")
                    .replace("\u2019", "")
                    .split("[\\s\\-]+"));
        out.add(new LexiconEntry(cue, words, weight));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** All entries, in the order given. */
  public List<LexiconEntry> entries() {
    return entries;
  }

  /** Whether {@code word} occurs in any phrase (the normaliser de-obfuscates towards these). */
  public boolean knows(String word) {
    return vocabulary.contains(word);
  }

  /** Every phrase occurrence in the text, in order of their last token. */
  public List<LexiconMatch> match(NormalisedText text) {
    List<LexiconMatch> found = new ArrayList<>();
    Node node = root;
    for (int i = 0; i < text.size(); i++) {
      String word = text.token(i).text();
      while (node != root && !node.next.containsKey(word)) {
        node = node.fail;
      }
      Node step = node.next.get(word);
      node = step == null ? root : step;
      for (LexiconEntry entry : node.out) {
        found.add(new LexiconMatch(entry, i - entry.words().size() + 1, i));
      }
    }
    return found;
  }

  private void link() {
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Node child : root.next.values()) {
      child.fail = root;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      for (Map.Entry<String, Node> edge : node.next.entrySet()) {
        Node child = edge.getValue();
        Node f = node.fail;
        while (f != root && !f.next.containsKey(edge.getKey())) {
          f = f.fail;
        }
        Node target = f.next.get(edge.getKey());
        child.fail = target == null || target == child ? root : target;
        child.out = concat(child.out, child.fail.out);
        queue.add(child);
      }
    }
  }

  private static LexiconEntry[] append(LexiconEntry[] a, LexiconEntry e) {
    LexiconEntry[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = e;
    return out;
  }

  private static LexiconEntry[] concat(LexiconEntry[] a, LexiconEntry[] b) {
    if (b.length == 0) {
      return a;
    }
    LexiconEntry[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
