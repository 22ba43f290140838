package dev.switchboard.classify.batch;

import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.TriageRules;
import dev.switchboard.classify.domain.Verdict;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.Reason;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Batch mode, without Spring: JSONL posts ({@code {"id","channel","text"}}) on standard input, one
 * JSONL verdict per post on standard output, bad lines reported on standard error with their line
 * number and skipped.
 *
 * <p>{@code java -jar classify-service/target/classify-cli.jar [--lexicon FILE] [--staff FILE]
 * [--trust-contact VALUE]... < posts.jsonl}
 */
public final class ClassifyCli {

  private final SwitchboardClassifier classifier;

  /** A CLI around an already built classifier. */
  public ClassifyCli(SwitchboardClassifier classifier) {
    this.classifier = classifier;
  }

  /** Entry point of {@code classify-cli.jar}. */
  public static void main(String[] args) throws IOException {
    Path lexicon = null;
    Path staff = null;
    List<String> contacts = new ArrayList<>(ClassifierFactory.DEFAULT_TRUST_CONTACTS);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--lexicon":
          lexicon = Path.of(args[++i]);
          break;
        case "--staff":
          staff = Path.of(args[++i]);
          break;
        case "--trust-contact":
          contacts.add(args[++i]);
          break;
        default:
          System.err.println(
              "usage: java -jar classify-cli.jar [--lexicon FILE] [--staff FILE]"
                  + " [--trust-contact VALUE]... < posts.jsonl > verdicts.jsonl");
          System.exit(2);
          return;
      }
    }
    SwitchboardClassifier classifier =
        ClassifierFactory.fromClasspath(
            new ClassifierFactory.Options(
                lexicon, staff, contacts, TriageRules.defaults(), Clock.systemUTC()));
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    int bad =
        new ClassifyCli(classifier)
            .run(new InputStreamReader(System.in, StandardCharsets.UTF_8), out, System.err);
    out.flush();
    if (bad > 0) {
      System.err.println(bad + " line(s) skipped");
    }
  }

  /** Classifies every line of {@code in}; returns how many lines were skipped. */
  public int run(Reader in, Writer out, PrintStream err) throws IOException {
    BufferedReader lines = new BufferedReader(in, 1 << 16);
    String line;
    int number = 0;
    int bad = 0;
    StringBuilder sb = new StringBuilder(512);
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String id;
      String text;
      try {
        Map<String, Object> post = JsonLine.object(line);
        Object rawId = post.get("id");
        Object rawText = post.get("text");
        if (rawId == null) {
          throw new IllegalArgumentException("no \"id\"");
        }
        if (!(rawText instanceof String)) {
          throw new IllegalArgumentException("no \"text\" string");
        }
        id =
            rawId instanceof Double d && d == Math.rint(d)
                ? String.valueOf(d.longValue())
                : String.valueOf(rawId);
        text = (String) rawText;
      } catch (IllegalArgumentException e) {
        err.println("line " + number + ": skipped: " + e.getMessage());
        bad++;
        continue;
      }
      sb.setLength(0);
      write(sb, id, classifier.classify(text));
      out.write(sb.toString());
    }
    return bad;
  }

  static void write(StringBuilder sb, String id, Verdict verdict) {
    sb.append("{\"id\": ");
    JsonLine.quote(sb, id);
    sb.append(", \"labels\": [");
    boolean first = true;
    for (Label label : verdict.labels()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      JsonLine.quote(sb, name(label));
    }
    sb.append("], \"priority\": \"").append(verdict.priority()).append("\", \"route\": \"");
    sb.append(verdict.route()).append("\", \"reasons\": [");
    first = true;
    for (Label label : verdict.labels()) {
      for (Reason reason : label.reasons()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append("{\"label\": ");
        JsonLine.quote(sb, name(label));
        sb.append(", \"start\": ").append(reason.start() == null ? 0 : reason.start());
        sb.append(", \"end\": ").append(reason.end() == null ? 0 : reason.end());
        sb.append(", \"source\": ");
        JsonLine.quote(sb, reason.source());
        sb.append(", \"confidence\": ").append(label.confidence()).append('}');
      }
    }
    sb.append("]}\n");
  }

  private static String name(Label label) {
    return label.name().name().toLowerCase(Locale.ROOT);
  }
}
