package dev.switchboard.classify.domain.text;

import java.util.List;

/**
 * A post's text as the detectors read it: the original (reasons point into it) and its tokens.
 *
 * @param original the text exactly as posted
 * @param tokens the normalised tokens in order, each with its original span
 */
public record NormalisedText(String original, List<Token> tokens) {

  /** The number of tokens. */
  public int size() {
    return tokens.size();
  }

  /** The token at {@code index}. */
  public Token token(int index) {
    return tokens.get(index);
  }
}
