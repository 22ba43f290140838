package dev.switchboard.classify.batch;

import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.Verdict;
import dev.switchboard.classify.domain.model.TrainingExample;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * k-fold cross-validation on the training corpus only (never the evaluation set): prints precision,
 * recall and F1 per label and the macro-F1.
 *
 * <p>{@code java -cp classify-service/target/classify-cli.jar
 * dev.switchboard.classify.batch.CrossValidate [k] [--thresholds | --errors LABEL]}
 */
public final class CrossValidate {

  private CrossValidate() {}

  /** Per-label counts of true positives, false positives and false negatives. */
  public record Scores(int[] tp, int[] fp, int[] fn) {

    /** Precision of {@code label}. */
    public double precision(LabelName label) {
      int i = label.ordinal();
      return tp[i] + fp[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fp[i]);
    }

    /** Recall of {@code label}. */
    public double recall(LabelName label) {
      int i = label.ordinal();
      return tp[i] + fn[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fn[i]);
    }

    /** F1 of {@code label}. */
    public double f1(LabelName label) {
      double p = precision(label);
      double r = recall(label);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the labels. */
    public double macroF1() {
      double sum = 0;
      for (LabelName l : LabelName.values()) {
        sum += f1(l);
      }
      return sum / LabelName.values().length;
    }
  }

  /** Runs {@code k}-fold cross-validation over {@code examples}. */
  public static Scores run(
      List<TrainingExample> examples, int k, ClassifierFactory.Options options) {
    return run(examples, k, options, null, null);
  }

  /** As {@link #run(List, int, ClassifierFactory.Options)}, printing the errors on {@code show}. */
  public static Scores run(
      List<TrainingExample> examples,
      int k,
      ClassifierFactory.Options options,
      LabelName show,
      PrintStream errors) {
    List<TrainingExample> sorted = new ArrayList<>(examples);
    sorted.sort(Comparator.comparing(TrainingExample::id));
    java.util.Collections.shuffle(sorted, new Random(42));
    int n = LabelName.values().length;
    Scores scores = new Scores(new int[n], new int[n], new int[n]);
    for (int fold = 0; fold < k; fold++) {
      List<TrainingExample> train = new ArrayList<>();
      List<TrainingExample> test = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        (i % k == fold ? test : train).add(sorted.get(i));
      }
      SwitchboardClassifier classifier = ClassifierFactory.build(options, train, List.of());
      for (TrainingExample e : test) {
        Verdict v = classifier.classify(e.text());
        Set<LabelName> predicted = EnumSet.noneOf(LabelName.class);
        for (Label l : v.labels()) {
          predicted.add(l.name());
        }
        for (LabelName l : LabelName.values()) {
          boolean p = predicted.contains(l);
          boolean g = e.labels().contains(l);
          if (p != g && l == show) {
            errors.println(
                (p ? "FP " : "FN ") + e.labels() + " -> " + predicted + " | " + e.text());
          }
          if (p && g) {
            scores.tp[l.ordinal()]++;
          } else if (p) {
            scores.fp[l.ordinal()]++;
          } else if (g) {
            scores.fn[l.ordinal()]++;
          }
        }
      }
    }
    return scores;
  }

  /**
   * For each label, the model threshold that maximises F1 (F2 for safeguarding and clinical_urgent,
   * which favour recall) over out-of-fold probabilities; a tuning aid.
   */
  public static double[] bestThresholds(
      List<TrainingExample> examples, int k, ClassifierFactory.Options options, PrintStream out) {
    List<TrainingExample> sorted = new ArrayList<>(examples);
    sorted.sort(Comparator.comparing(TrainingExample::id));
    java.util.Collections.shuffle(sorted, new Random(42));
    int n = LabelName.values().length;
    List<double[]> probs = new ArrayList<>();
    List<TrainingExample> gold = new ArrayList<>();
    for (int fold = 0; fold < k; fold++) {
      List<TrainingExample> train = new ArrayList<>();
      List<TrainingExample> test = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        (i % k == fold ? test : train).add(sorted.get(i));
      }
      SwitchboardClassifier classifier = ClassifierFactory.build(options, train, List.of());
      for (TrainingExample e : test) {
        probs.add(classifier.probabilities(e.text()));
        gold.add(e);
      }
    }
    double[] best = new double[n];
    for (LabelName l : LabelName.values()) {
      double beta = l == LabelName.SAFEGUARDING || l == LabelName.CLINICAL_URGENT ? 2.0 : 1.0;
      double bestScore = -1;
      for (double t = 0.05; t < 0.96; t += 0.05) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < probs.size(); i++) {
          boolean p = probs.get(i)[l.ordinal()] >= t;
          boolean g = gold.get(i).labels().contains(l);
          tp += p && g ? 1 : 0;
          fp += p && !g ? 1 : 0;
          fn += !p && g ? 1 : 0;
        }
        double b2 = beta * beta;
        double score = tp == 0 ? 0 : (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
        if (score > bestScore) {
          bestScore = score;
          best[l.ordinal()] = t;
        }
      }
      out.printf(
          Locale.ROOT,
          "%-16s model-only threshold %.2f (F%.0f %.3f)%n",
          l.name().toLowerCase(Locale.ROOT),
          best[l.ordinal()],
          beta,
          bestScore);
    }
    return best;
  }

  /** Prints the table. */
  public static void print(Scores s, PrintStream out) {
    out.printf(
        Locale.ROOT, "%-16s %9s %9s %9s %6s%n", "label", "precision", "recall", "f1", "gold");
    for (LabelName l : LabelName.values()) {
      int i = l.ordinal();
      out.printf(
          Locale.ROOT,
          "%-16s %9.3f %9.3f %9.3f %6d%n",
          l.name().toLowerCase(Locale.ROOT),
          s.precision(l),
          s.recall(l),
          s.f1(l),
          s.tp()[i] + s.fn()[i]);
    }
    out.printf(Locale.ROOT, "macro-F1 %.3f%n", s.macroF1());
  }

  /** Cross-validates on the shipped training corpus. */
  public static void main(String[] args) {
    int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<TrainingExample> examples = new ArrayList<>();
    for (ClassifierFactory.Source s : ClassifierFactory.classpathCorpus()) {
      examples.addAll(
          ClassifierFactory.parseCorpus(
              s.name(), new String(s.content(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    System.out.println(examples.size() + " training posts, " + k + " folds");
    LabelName show =
        args.length > 2 && args[1].equals("--errors")
            ? LabelName.valueOf(args[2].toUpperCase(Locale.ROOT))
            : null;
    print(run(examples, k, ClassifierFactory.Options.defaults(), show, System.out), System.out);
    if (args.length > 1 && args[1].equals("--thresholds")) {
      bestThresholds(examples, k, ClassifierFactory.Options.defaults(), System.out);
    }
  }
}
