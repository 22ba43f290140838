package dev.switchboard.classify;

import dev.switchboard.classify.batch.ClassifierFactory;
import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.TriageRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test fixtures: the classifier trained on the small fixture corpus (not the real one). */
public final class Classifiers {

  /** The fixed time every fixture classifier stamps. */
  public static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  private static SwitchboardClassifier fixture;
  private static SwitchboardClassifier shipped;

  private Classifiers() {}

  /** The fixture corpus as a training source. */
  public static ClassifierFactory.Source fixtureCorpus() {
    try (InputStream in = Classifiers.class.getResourceAsStream("/fixtures/train.jsonl")) {
      return new ClassifierFactory.Source("train.jsonl", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classifier trained on the fixture corpus with default settings and a fixed clock. */
  public static synchronized SwitchboardClassifier fixture() {
    if (fixture == null) {
      fixture = ClassifierFactory.build(options(), List.of(fixtureCorpus()));
    }
    return fixture;
  }

  /** The classifier as it ships: trained on the corpus on the classpath, fixed clock. */
  public static synchronized SwitchboardClassifier shipped() {
    if (shipped == null) {
      shipped = ClassifierFactory.fromClasspath(options());
    }
    return shipped;
  }

  /** Default options with the fixed clock. */
  public static ClassifierFactory.Options options() {
    return new ClassifierFactory.Options(
        null,
        null,
        ClassifierFactory.DEFAULT_TRUST_CONTACTS,
        TriageRules.defaults(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
