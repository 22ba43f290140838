package dev.switchboard.bench;

import dev.switchboard.classify.batch.ClassifierFactory;
import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.Verdict;
import dev.switchboard.classify.domain.model.TrainingExample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts classified per second on one core: the shipped classifier (rules, lexicon, model; as the
 * stream function and the batch mode build it) on a realistic mix, the 1,583 posts of the training
 * corpus of every label and none, shuffled with a fixed seed and cycled. Run with {@code
 * bench/run-classify-bench.sh} (bench/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ClassifierBench {

  private SwitchboardClassifier classifier;
  private String[] posts;
  private int next;

  /** Trains the classifier as at start and loads the posts. */
  @Setup
  public void setUp() {
    classifier = ClassifierFactory.fromClasspath(ClassifierFactory.Options.defaults());
    List<String> texts = new ArrayList<>();
    for (ClassifierFactory.Source source : ClassifierFactory.classpathCorpus()) {
      for (TrainingExample post :
          ClassifierFactory.parseCorpus(
              source.name(), new String(source.content(), StandardCharsets.UTF_8))) {
        texts.add(post.text());
      }
    }
    Collections.shuffle(texts, new Random(7));
    posts = texts.toArray(String[]::new);
  }

  /** One post classified: labels, reasons, priority and route. */
  @Benchmark
  public Verdict classifyOnePost() {
    String post = posts[next];
    next = next + 1 == posts.length ? 0 : next + 1;
    return classifier.classify(post);
  }

  /** The number of posts in the mix. */
  int posts() {
    return posts.length;
  }
}
