package dev.switchboard.classify.batch;

import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.Verdict;
import dev.switchboard.classify.domain.model.TrainingExample;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the shipped classifier (trained on the training corpus only) on labelled posts it never
 * saw — the evaluation set in {@code classify-service/src/test/resources/corpus/eval} — and prints
 * precision, recall and F1 per label and the macro-F1.
 *
 * <p>{@code java -cp classify-service/target/classify-cli.jar
 * dev.switchboard.classify.batch.Evaluate classify-service/src/test/resources/corpus/eval [--errors
 * LABEL]}
 */
public final class Evaluate {

  private Evaluate() {}

  /** Every post of every {@code *.jsonl} file in {@code dir}, in file-name order. */
  public static List<TrainingExample> read(Path dir) {
    List<TrainingExample> posts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        posts.addAll(
            ClassifierFactory.parseCorpus(
                file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return posts;
  }

  /** Classifies {@code posts} and counts, per label; prints the errors on {@code show}. */
  public static CrossValidate.Scores score(
      SwitchboardClassifier classifier,
      List<TrainingExample> posts,
      LabelName show,
      PrintStream errors) {
    int n = LabelName.values().length;
    CrossValidate.Scores scores = new CrossValidate.Scores(new int[n], new int[n], new int[n]);
    for (TrainingExample post : posts) {
      Verdict verdict = classifier.classify(post.text());
      Set<LabelName> predicted = EnumSet.noneOf(LabelName.class);
      for (Label label : verdict.labels()) {
        predicted.add(label.name());
      }
      for (LabelName label : LabelName.values()) {
        boolean p = predicted.contains(label);
        boolean g = post.labels().contains(label);
        if (p != g && label == show) {
          errors.println(
              (p ? "FP " : "FN ") + post.id() + " " + post.labels() + " -> " + predicted);
        }
        if (p && g) {
          scores.tp()[label.ordinal()]++;
        } else if (p) {
          scores.fp()[label.ordinal()]++;
        } else if (g) {
          scores.fn()[label.ordinal()]++;
        }
      }
    }
    return scores;
  }

  /** {@code <eval dir> [--errors LABEL]}. */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: Evaluate <dir of labelled *.jsonl> [--errors LABEL]");
      System.exit(2);
    }
    LabelName show =
        args.length > 2 && args[1].equals("--errors")
            ? LabelName.valueOf(args[2].toUpperCase(java.util.Locale.ROOT))
            : null;
    List<TrainingExample> posts = read(Path.of(args[0]));
    SwitchboardClassifier classifier =
        ClassifierFactory.fromClasspath(ClassifierFactory.Options.defaults());
    System.out.println(posts.size() + " evaluation posts, classifier " + classifier.version());
    CrossValidate.print(score(classifier, posts, show, System.out), System.out);
  }
}
