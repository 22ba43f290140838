package dev.switchboard.classify.domain;

import dev.switchboard.classify.domain.model.FeatureVector;
import dev.switchboard.classify.domain.model.Featuriser;
import dev.switchboard.classify.domain.model.LogisticModel;
import dev.switchboard.classify.domain.model.TrainingExample;
import dev.switchboard.classify.domain.rules.Finding;
import dev.switchboard.classify.domain.rules.LexiconMatch;
import dev.switchboard.classify.domain.rules.RuleEngine;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier: rules and a statistical model combined. A decisive rule gives its label alone (an
 * NHS number, a slur, suicidal words); elsewhere the model decides against a per-label threshold,
 * low for safeguarding and clinical_urgent so they favour recall. Every label carries reasons: the
 * rule's spans, or the lexicon cues and the words that weighed most in the model.
 */
public final class SwitchboardClassifier implements Classifier {

  private static final LabelName[] LABELS = LabelName.values();

  private static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "i", "im", "i'm", "me", "my", "we", "us", "our",
          "you", "your", "he", "he's", "his", "him", "she", "she's", "her", "it", "it's", "its",
          "they", "them", "their", "this", "that", "is", "was", "are", "were", "be", "been", "to",
          "of", "in", "on", "at", "for", "with", "just", "so", "all", "a&e", "had", "has", "have");

  /**
   * A model probability that gives a label without any lexicon cue for it; low for safeguarding and
   * clinical_urgent, which favour recall.
   */
  static double confident(LabelName label) {
    switch (label) {
      case SAFEGUARDING:
        return 0.2;
      case CLINICAL_URGENT:
        return 0.25;
      case SPAM:
        return 0.9;
      default:
        return 0;
    }
  }

  private final RuleEngine rules;
  private final LogisticModel model;
  private final double[] thresholds;
  private final TriageRules triage;
  private final String version;
  private final Clock clock;
  private final ThreadLocal<FeatureVector> vectors = ThreadLocal.withInitial(FeatureVector::new);
  private final ThreadLocal<double[]> probabilities =
      ThreadLocal.withInitial(() -> new double[LABELS.length]);

  /**
   * Trains the model on {@code training} through the same rules it will classify with.
   *
   * @param rules the rule engine (lexicons, personal-data detector)
   * @param training the labelled corpus; sorted by id here so the order never depends on the files
   * @param settings model training settings
   * @param thresholds per-label probability thresholds for labels the model decides
   * @param triage priority and route rules
   * @param version recorded on every classified event
   * @param clock stamps {@code classifiedAt}
   */
  public SwitchboardClassifier(
      RuleEngine rules,
      List<TrainingExample> training,
      LogisticModel.Settings settings,
      Map<LabelName, Double> thresholds,
      TriageRules triage,
      String version,
      Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.model = train(rules, training, settings);
    this.thresholds = new double[LABELS.length];
    for (LabelName label : LABELS) {
      this.thresholds[label.ordinal()] = thresholds.getOrDefault(label, 0.5);
    }
    this.triage = Objects.requireNonNull(triage, "triage");
    this.version = Objects.requireNonNull(version, "version");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The thresholds cross-validation chose; safeguarding and clinical_urgent favour recall. */
  public static Map<LabelName, Double> defaultThresholds() {
    Map<LabelName, Double> t = new EnumMap<>(LabelName.class);
    // From CrossValidate --thresholds (5 folds of the training corpus): the model is
    // conservative, so its best thresholds sit below one half.
    t.put(LabelName.COMPLAINT, 0.3);
    t.put(LabelName.QUESTION, 0.25);
    t.put(LabelName.PRAISE, 0.3);
    t.put(LabelName.ABUSE, 0.3);
    t.put(LabelName.LIBEL_RISK, 0.2);
    t.put(LabelName.SAFEGUARDING, 0.15);
    t.put(LabelName.CLINICAL_URGENT, 0.15);
    t.put(LabelName.PERSONAL_DATA, 0.5);
    t.put(LabelName.SPAM, 0.25);
    t.put(LabelName.MISINFORMATION, 0.2);
    return t;
  }

  private static LogisticModel train(
      RuleEngine rules, List<TrainingExample> training, LogisticModel.Settings settings) {
    List<TrainingExample> sorted = new ArrayList<>(training);
    sorted.sort(Comparator.comparing(TrainingExample::id).thenComparing(TrainingExample::text));
    List<FeatureVector> xs = new ArrayList<>(sorted.size());
    List<Set<LabelName>> ys = new ArrayList<>(sorted.size());
    FeatureVector v = new FeatureVector();
    for (TrainingExample example : sorted) {
      v.clear();
      featurise(rules.analyse(example.text()), v);
      xs.add(v.copy());
      ys.add(example.labels());
    }
    return LogisticModel.train(xs, ys, settings);
  }

  private static void featurise(RuleEngine.Analysis a, FeatureVector v) {
    Featuriser.words(a.text, a.idiom, v);
    for (LexiconMatch m : a.matches) {
      Featuriser.cue("c:" + m.cue(), 1f, v);
    }
    for (Finding f : a.findings) {
      Featuriser.cue((f.decisive() ? "d:" : "h:") + f.source(), 1f, v);
    }
    if (a.links() > 0) {
      Featuriser.cue("c:link", 1f, v);
    }
    if (a.questionMarks() > 0) {
      Featuriser.cue("c:question-mark", 1f, v);
    }
    if (a.hasTarget()) {
      Featuriser.cue("c:target", 1f, v);
    }
    v.normalise();
  }

  /** The classifier version recorded on events. */
  public String version() {
    return version;
  }

  @Override
  public ClassifiedEvent classify(ChannelEvent event) {
    // A deletion is passed on so downstream can act on it, but there is no text left to judge.
    List<Label> labels =
        event.kind() == EventKind.DELETED || event.text() == null || event.text().isBlank()
            ? List.of()
            : classify(event.text()).labels();
    return new ClassifiedEvent(
        event, labels, triage.priority(labels), triage.route(labels), version, clock.instant());
  }

  /** Labels, priority and route for one text. */
  public Verdict classify(String text) {
    RuleEngine.Analysis a = rules.analyse(text);
    FeatureVector v = vectors.get();
    v.clear();
    featurise(a, v);
    double[] p = probabilities.get();
    model.predict(v, p);
    List<Label> labels = new ArrayList<>(3);
    for (LabelName label : LABELS) {
      Label l = decide(label, a, v, p[label.ordinal()]);
      if (l != null) {
        labels.add(l);
      }
    }
    return new Verdict(List.copyOf(labels), triage.priority(labels), triage.route(labels));
  }

  /** The model's probability for each label (for cross-validation and threshold tuning). */
  public double[] probabilities(String text) {
    FeatureVector v = new FeatureVector();
    featurise(rules.analyse(text), v);
    double[] p = new double[LABELS.length];
    model.predict(v, p);
    return p;
  }

  private Label decide(LabelName label, RuleEngine.Analysis a, FeatureVector v, double p) {
    double decisive = 0;
    List<Reason> reasons = null;
    for (Finding f : a.findings) {
      if (f.label() == label && f.decisive()) {
        decisive = Math.max(decisive, f.confidence());
        reasons = add(reasons, f);
      }
    }
    if (decisive > 0) {
      return new Label(label, round(Math.max(decisive, p)), List.copyOf(reasons));
    }
    if (p < thresholds[label.ordinal()] || !gate(label, a, p)) {
      return null;
    }
    for (Finding f : a.findings) {
      if (f.label() == label && (reasons == null || reasons.size() < 3)) {
        reasons = add(reasons, f);
      }
    }
    if (reasons == null) {
      reasons = new ArrayList<>(2);
    }
    int shown = 0;
    for (int[] span : model.strongestSpans(v, label, 6)) {
      if (shown == 2
          || STOPWORDS.contains(
              a.text.original().substring(span[0], span[1]).toLowerCase(java.util.Locale.ROOT))) {
        continue; // "his" may weigh, but it explains nothing to a comms officer
      }
      shown++;
      reasons.add(
          new Reason(
              LogisticModel.ID,
              span[0],
              span[1],
              "The statistical model, trained on labelled posts, weighs these words towards "
                  + label.name().toLowerCase(java.util.Locale.ROOT)
                  + " ("
                  + Math.round(p * 100)
                  + "%)."));
    }
    if (reasons.isEmpty()) {
      reasons.add(
          new Reason(
              LogisticModel.ID,
              0,
              a.text.original().length(),
              "The statistical model judges the post as a whole (" + Math.round(p * 100) + "%)."));
    }
    return new Label(label, round(p), List.copyOf(reasons));
  }

  /** Labels the model may not give on its own without the context a person would need. */
  private static boolean gate(LabelName label, RuleEngine.Analysis a, double p) {
    if (label == LabelName.LIBEL_RISK && (!a.hasTarget() || a.benignNamedPraise())) {
      return false;
    }
    if (label == LabelName.CLINICAL_URGENT && onlyAbsentOrPastEmergency(a)) {
      // "no chest pain", "had a stroke last year": the model alone must be sure.
      return p >= 0.6;
    }
    if (label == LabelName.QUESTION) {
      boolean asks = a.questionMarks() > 0 && !a.rhetorical();
      for (Finding f : a.findings) {
        asks |= f.label() == LabelName.QUESTION;
      }
      // A question asks: a question mark that is not rhetorical, or a request ("can someone").
      return asks || p >= 0.9;
    }
    if (p >= confident(label)) {
      return true;
    }
    // Below confidence the model needs a cue of its own label to point at: a lone low score on
    // "I complained twice" is not a safeguarding concern, nor is "no chest pain" an emergency.
    for (Finding f : a.findings) {
      if (f.label() == label
          && !f.source().startsWith("rule:emergency-negated")
          && !f.source().startsWith("rule:emergency-in-the-past")) {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyAbsentOrPastEmergency(RuleEngine.Analysis a) {
    boolean any = false;
    for (Finding f : a.findings) {
      if (f.label() == LabelName.CLINICAL_URGENT) {
        if (f.source().equals("rule:emergency-now")) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static List<Reason> add(List<Reason> reasons, Finding f) {
    List<Reason> out = reasons == null ? new ArrayList<>(2) : reasons;
    for (int i = 0; i < out.size(); i++) {
      Reason r = out.get(i);
      if (!r.source().equals(f.source())) {
        continue;
      }
      if (r.start() <= f.start() && f.end() <= r.end()) {
        return out; // "thank" inside "thank you": one highlight is enough
      }
      if (f.start() <= r.start() && r.end() <= f.end()) {
        out.set(i, new Reason(f.source(), f.start(), f.end(), f.explanation()));
        return out;
      }
    }
    out.add(new Reason(f.source(), f.start(), f.end(), f.explanation()));
    return out;
  }

  private static double round(double p) {
    return Math.round(p * 1000) / 1000.0;
  }
}
