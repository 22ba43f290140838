package dev.switchboard.classify.domain.rules;

/**
 * A lexicon phrase found in a post.
 *
 * @param entry the phrase
 * @param firstToken index of its first token
 * @param lastToken index of its last token (inclusive)
 */
public record LexiconMatch(LexiconEntry entry, int firstToken, int lastToken) {

  /** Shorthand for the entry's cue. */
  public Cue cue() {
    return entry.cue();
  }
}
