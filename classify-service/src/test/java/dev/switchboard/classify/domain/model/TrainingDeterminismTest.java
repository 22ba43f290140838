package dev.switchboard.classify.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.Classifiers;
import dev.switchboard.classify.batch.ClassifierFactory;
import dev.switchboard.classify.domain.SwitchboardClassifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDeterminismTest {

  @Test
  void theSameCorpusInAnyOrderGivesTheSameModelAndVersion() {
    List<TrainingExample> examples =
        new ArrayList<>(
            ClassifierFactory.parseCorpus(
                "train.jsonl",
                new String(
                    Classifiers.fixtureCorpus().content(),
                    java.nio.charset.StandardCharsets.UTF_8)));
    List<ClassifierFactory.Source> corpus = List.of(Classifiers.fixtureCorpus());
    SwitchboardClassifier a = ClassifierFactory.build(Classifiers.options(), examples, corpus);
    Collections.reverse(examples);
    SwitchboardClassifier b = ClassifierFactory.build(Classifiers.options(), examples, corpus);

    for (String text :
        List.of("Thank you so much", "Where do I park?", "you idiots", "chest pain now")) {
      assertThat(b.probabilities(text)).as(text).containsExactly(a.probabilities(text));
    }
    assertThat(b.version()).isEqualTo(a.version());
  }

  @Test
  void aDifferentCorpusGivesADifferentVersion() {
    SwitchboardClassifier a =
        ClassifierFactory.build(Classifiers.options(), List.of(Classifiers.fixtureCorpus()));
    SwitchboardClassifier b =
        ClassifierFactory.build(
            Classifiers.options(),
            List.of(
                new ClassifierFactory.Source(
                    "other.jsonl",
                    "{\"id\":\"1\",\"text\":\"hello\",\"labels\":[]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(b.version()).isNotEqualTo(a.version());
  }
}
