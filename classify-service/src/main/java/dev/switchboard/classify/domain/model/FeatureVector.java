package dev.switchboard.classify.domain.model;

import java.util.Arrays;

/**
 * The hashed features of one post, reused between posts to keep the decision path allocation-light.
 * Each feature remembers the original span it came from, so the model's reasons can point at the
 * words that weighed most.
 */
public final class FeatureVector {

  int size;
  int[] index = new int[256];
  float[] value = new float[256];
  int[] start = new int[256];
  int[] end = new int[256];
  boolean[] word = new boolean[256];

  /** Empties the vector for the next post. */
  public void clear() {
    size = 0;
  }

  /** Adds one feature; {@code spanStart < 0} when it has no span (a cue, a channel). */
  public void add(int hashedIndex, float v, int spanStart, int spanEnd, boolean isWord) {
    if (size == index.length) {
      int n = size * 2;
      index = Arrays.copyOf(index, n);
      value = Arrays.copyOf(value, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      word = Arrays.copyOf(word, n);
    }
    index[size] = hashedIndex;
    value[size] = v;
    start[size] = spanStart;
    end[size] = spanEnd;
    word[size] = isWord;
    size++;
  }

  /** Scales every value by {@code 1/sqrt(size)} so long posts do not shout. */
  public void normalise() {
    if (size == 0) {
      return;
    }
    float scale = (float) (1.0 / Math.sqrt(size));
    for (int i = 0; i < size; i++) {
      value[i] *= scale;
    }
  }

  /** The number of features. */
  public int size() {
    return size;
  }

  /** A copy that survives the next {@link #clear()} (for training). */
  public FeatureVector copy() {
    FeatureVector c = new FeatureVector();
    c.size = size;
    c.index = Arrays.copyOf(index, size);
    c.value = Arrays.copyOf(value, size);
    c.start = Arrays.copyOf(start, size);
    c.end = Arrays.copyOf(end, size);
    c.word = Arrays.copyOf(word, size);
    return c;
  }
}
