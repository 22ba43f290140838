package dev.switchboard.classify.domain.model;

import dev.switchboard.contracts.LabelName;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One-vs-rest logistic regression over hashed features, one weight vector per label, trained by
 * AdaGrad with L2 shrinkage in a fixed order (a seeded shuffle), so the same corpus always gives
 * the same weights.
 */
public final class LogisticModel {

  /** The model's identifier in reasons and the classifier version. */
  public static final String ID = "model:lr-1.0";

  private static final LabelName[] LABELS = LabelName.values();

  private final float[][] weights;
  private final float[] bias;

  private LogisticModel(float[][] weights, float[] bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /** Training settings: passes over the data, AdaGrad step, L2 strength, shuffle seed. */
  public record Settings(int epochs, double learningRate, double l2, long seed) {
    /** The settings cross-validation chose. */
    public static Settings defaults() {
      return new Settings(12, 0.5, 1e-6, 20261125L);
    }
  }

  /** Trains on the vectors and their gold labels (in the given order before shuffling). */
  public static LogisticModel train(
      List<FeatureVector> vectors, List<? extends java.util.Set<LabelName>> gold, Settings s) {
    int dims = 1 << Featuriser.BITS;
    int labels = LABELS.length;
    float[][] w = new float[labels][dims];
    float[][] g2 = new float[labels][dims];
    float[] b = new float[labels];
    float[] bg2 = new float[labels];
    List<Integer> order = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      order.add(i);
    }
    Random random = new Random(s.seed());
    float lr = (float) s.learningRate();
    float l2 = (float) s.l2();
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      java.util.Collections.shuffle(order, random);
      for (int idx : order) {
        FeatureVector x = vectors.get(idx);
        java.util.Set<LabelName> y = gold.get(idx);
        for (int l = 0; l < labels; l++) {
          float[] wl = w[l];
          float z = b[l];
          for (int k = 0; k < x.size; k++) {
            z += wl[x.index[k]] * x.value[k];
          }
          float p = sigmoid(z);
          float target = y.contains(LABELS[l]) ? 1f : 0f;
          float err = p - target;
          float[] gl = g2[l];
          for (int k = 0; k < x.size; k++) {
            int j = x.index[k];
            float grad = err * x.value[k] + l2 * wl[j];
            gl[j] += grad * grad;
            wl[j] -= lr * grad / (float) Math.sqrt(gl[j] + 1e-8f);
          }
          bg2[l] += err * err;
          b[l] -= lr * err / (float) Math.sqrt(bg2[l] + 1e-8f);
        }
      }
    }
    return new LogisticModel(w, b);
  }

  /** The probability of each label (indexed by ordinal) into {@code out}. */
  public void predict(FeatureVector x, double[] out) {
    for (int l = 0; l < LABELS.length; l++) {
      float[] wl = weights[l];
      float z = bias[l];
      for (int k = 0; k < x.size; k++) {
        z += wl[x.index[k]] * x.value[k];
      }
      out[l] = sigmoid(z);
    }
  }

  /**
   * The spans of the (at most {@code max}) word features that pushed hardest towards {@code label},
   * as {@code [start, end]} pairs, strongest first.
   */
  public List<int[]> strongestSpans(FeatureVector x, LabelName label, int max) {
    float[] wl = weights[label.ordinal()];
    List<int[]> best = new ArrayList<>(max);
    List<Float> scores = new ArrayList<>(max);
    for (int k = 0; k < x.size; k++) {
      if (!x.word[k] || x.start[k] < 0) {
        continue;
      }
      float c = wl[x.index[k]] * x.value[k];
      if (c <= 0) {
        continue;
      }
      int at = 0;
      while (at < scores.size() && scores.get(at) >= c) {
        at++;
      }
      if (at >= max) {
        continue;
      }
      boolean overlaps = false;
      for (int[] span : best) {
        if (span[0] < x.end[k] && x.start[k] < span[1]) {
          overlaps = true;
          break;
        }
      }
      if (overlaps) {
        continue;
      }
      best.add(at, new int[] {x.start[k], x.end[k]});
      scores.add(at, c);
      if (best.size() > max) {
        best.remove(max);
        scores.remove(max);
      }
    }
    return best;
  }

  private static float sigmoid(float z) {
    if (z > 30) {
      return 1f;
    }
    if (z < -30) {
      return 0f;
    }
    return (float) (1.0 / (1.0 + Math.exp(-z)));
  }
}
