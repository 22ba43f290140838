package dev.switchboard.classify.domain.rules;

import java.util.List;

/**
 * One phrase of a lexicon.
 *
 * @param cue what it signals
 * @param words the phrase as normalised tokens
 * @param weight how strongly it signals the cue, 0..1
 */
public record LexiconEntry(Cue cue, List<String> words, double weight) {

  /** The phrase as written in the lexicon. */
  public String phrase() {
    return String.join(" ", words);
  }
}
