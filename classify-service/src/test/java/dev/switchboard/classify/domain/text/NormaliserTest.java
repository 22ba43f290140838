package dev.switchboard.classify.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private final Normaliser normaliser =
      new Normaliser(
          Set.of("bitch", "cunt", "fucking", "so", "dob", "shit", "idiot")::contains,
          List.of("fucking", "cunt", "shit"));

  private List<String> words(String text) {
    return normaliser.normalise(text).tokens().stream().map(Token::text).toList();
  }

  @Test
  void foldsCaseDiacriticsAndFullWidthLetters() {
    assertThat(words("CAFÉ Ｈｅｌｌｏ naïve")).containsExactly("cafe", "hello", "naive");
  }

  @Test
  void restoresMaskedLeetAndSpacedWords() {
    assertThat(words("f***ing c*nt b1tch $h1t"))
        .containsExactly("fucking", "cunt", "bitch", "shit");
    assertThat(words("you c u n t")).containsExactly("you", "cunt");
    assertThat(words("d.o.b")).containsExactly("dob");
    assertThat(words("sooooo good")).containsExactly("so", "good");
  }

  @Test
  void leavesOrdinaryDigitsAndSingleLettersAlone() {
    assertThat(words("24hrs in a b c")).containsExactly("24hrs", "in", "a", "b", "c");
  }

  @Test
  void namesEmojiAndJoinsApostrophes() {
    assertThat(words("I don't 🔪 you")).containsExactly("i", "dont", "knife", "you");
  }

  @Test
  void everyTokenKeepsTheSpanOfTheOriginalCharacters() {
    String text = "Ｈｉ  f***ing 🔪 c u n t, CAFÉ";
    NormalisedText nt = normaliser.normalise(text);
    List<String> originals =
        nt.tokens().stream().map(t -> text.substring(t.start(), t.end())).toList();
    assertThat(originals).containsExactly("Ｈｉ", "f***ing", "🔪", "c u n t", "CAFÉ");
  }

  @Test
  void sentencesAndClausesAreNumbered() {
    NormalisedText nt = normaliser.normalise("No pain, none. Now pain");
    assertThat(nt.tokens()).extracting(Token::sentence).containsExactly(0, 0, 0, 1, 1);
    assertThat(nt.tokens()).extracting(Token::clause).containsExactly(0, 0, 1, 2, 2);
  }
}
