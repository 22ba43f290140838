package dev.switchboard.classify.domain.model;

import dev.switchboard.classify.domain.text.NormalisedText;
import dev.switchboard.classify.domain.text.Token;

/**
 * Word unigrams and bigrams, character trigrams of each word (longer n-grams scored worse in
 * cross-validation), and named cue features, hashed into a fixed space without building strings
 * (feature hashing, FNV-1a).
 */
public final class Featuriser {

  /** log2 of the hashed feature space. */
  public static final int BITS = 18;

  static final int MASK = (1 << BITS) - 1;
  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;
  private static final int UNIGRAM = 1;
  private static final int BIGRAM = 2;
  private static final int CHARGRAM = 3;
  private static final int CUE = 4;

  /** Character trigrams weigh less than words; cross-validation preferred 0.3 to 0.5 or 1. */
  static final float CW = 0.3f;

  private Featuriser() {}

  /**
   * Adds the text's features to {@code out}; tokens marked in {@code skip} (idioms) contribute
   * nothing, so "the wait was murder" does not teach the model that "murder" is harmless or not.
   */
  public static void words(NormalisedText text, boolean[] skip, FeatureVector out) {
    int n = text.size();
    char[] buf = new char[64];
    int previous = -1;
    for (int i = 0; i < n; i++) {
      if (skip != null && skip[i]) {
        previous = -1;
        continue;
      }
      Token t = text.token(i);
      String w = t.text();
      int h = hash(mix(FNV_OFFSET, UNIGRAM), w);
      out.add(h & MASK, 1f, t.start(), t.end(), true);
      if (previous >= 0 && text.token(previous).sentence() == t.sentence()) {
        Token p = text.token(previous);
        int hb = hash(mix(hash(mix(FNV_OFFSET, BIGRAM), p.text()), ' '), w);
        out.add(hb & MASK, 1f, p.start(), t.end(), true);
      }
      previous = i;
      int len = w.length() + 2;
      if (len > buf.length) {
        buf = new char[len * 2];
      }
      buf[0] = '^';
      w.getChars(0, w.length(), buf, 1);
      buf[len - 1] = '$';
      for (int g = 3; g <= 3; g++) {
        for (int s = 0; s + g <= len; s++) {
          int hc = mix(FNV_OFFSET, CHARGRAM + g * 8);
          for (int k = s; k < s + g; k++) {
            hc = mix(hc, buf[k]);
          }
          out.add(hc & MASK, CW, t.start(), t.end(), false);
        }
      }
    }
  }

  /** Adds a named feature without a span (a lexicon cue, a rule's verdict). */
  public static void cue(String name, float value, FeatureVector out) {
    out.add(hash(mix(FNV_OFFSET, CUE), name) & MASK, value, -1, -1, false);
  }

  private static int hash(int h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = mix(h, s.charAt(i));
    }
    return h;
  }

  private static int mix(int h, int c) {
    return (h ^ c) * FNV_PRIME;
  }
}
