package dev.switchboard.classify.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.domain.model.TrainingExample;
import dev.switchboard.contracts.LabelName;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The evaluation set is only worth its figures if the model never saw it: no post of it is in the
 * shipped training corpus (compared after folding case and spacing), every post parses, and every
 * label has enough examples to be measured. The figures themselves come from {@link Evaluate}.
 */
class EvaluationSetTest {

  private static final Path EVAL = Path.of("src/test/resources/corpus/eval");

  @Test
  void noEvaluationPostIsInTheTrainingCorpus() {
    Set<String> training = new HashSet<>();
    for (ClassifierFactory.Source source : ClassifierFactory.classpathCorpus()) {
      for (TrainingExample e :
          ClassifierFactory.parseCorpus(
              source.name(),
              new String(source.content(), java.nio.charset.StandardCharsets.UTF_8))) {
        training.add(fold(e.text()));
      }
    }
    List<TrainingExample> eval = Evaluate.read(EVAL);

    assertThat(training).hasSizeGreaterThan(1000);
    assertThat(eval)
        .filteredOn(e -> training.contains(fold(e.text())))
        .extracting(TrainingExample::id)
        .isEmpty();
    assertThat(eval.stream().map(TrainingExample::id).collect(Collectors.toSet()))
        .hasSize(eval.size());
  }

  @Test
  void everyLabelHasAtLeastThirtyEvaluationPosts() {
    Map<LabelName, Integer> counts = new EnumMap<>(LabelName.class);
    for (TrainingExample e : Evaluate.read(EVAL)) {
      for (LabelName label : e.labels()) {
        counts.merge(label, 1, Integer::sum);
      }
    }
    for (LabelName label : LabelName.values()) {
      assertThat(counts.getOrDefault(label, 0)).as(label.name()).isGreaterThanOrEqualTo(30);
    }
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
