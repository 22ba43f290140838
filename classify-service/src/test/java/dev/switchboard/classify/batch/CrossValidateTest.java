package dev.switchboard.classify.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.Classifiers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cross-validation prints per-label precision, recall and F1 (here on the fixture corpus). */
class CrossValidateTest {

  @Test
  void printsEveryLabelAndTheMacroF1() {
    var examples =
        ClassifierFactory.parseCorpus(
            "train.jsonl",
            new String(Classifiers.fixtureCorpus().content(), StandardCharsets.UTF_8));
    CrossValidate.Scores scores = CrossValidate.run(examples, 3, Classifiers.options());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrossValidate.print(scores, new PrintStream(out, true, StandardCharsets.UTF_8));

    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("safeguarding", "personal_data", "misinformation", "macro-F1");
    assertThat(scores.macroF1()).isBetween(0.0, 1.0);
    // The rules alone find these in folds that never trained on them.
    assertThat(scores.recall(dev.switchboard.contracts.LabelName.PERSONAL_DATA)).isEqualTo(1.0);
  }
}
