package dev.switchboard.classify.domain.text;

/**
 * One normalised word with the span of the original characters it came from.
 *
 * @param text the folded, de-obfuscated form (e.g. {@code "fucking"} for {@code "f***ing"})
 * @param start first original UTF-16 offset (inclusive)
 * @param end last original UTF-16 offset (exclusive)
 * @param sentence index of the sentence the token is in
 * @param clause index of the clause (a sentence split at commas, colons, dashes)
 * @param capitalised the original token began with an upper-case letter
 */
public record Token(
    String text, int start, int end, int sentence, int clause, boolean capitalised) {

  /** True when the token is made only of digits. */
  public boolean numeric() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
