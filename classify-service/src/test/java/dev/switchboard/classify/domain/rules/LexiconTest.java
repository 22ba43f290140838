package dev.switchboard.classify.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.classify.domain.text.Normaliser;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private final Lexicon lexicon =
      new Lexicon(
          Lexicon.parse(
              new StringReader(
                  "# comment\n[threat]\nkill you\ni will kill you\n[idiom]\ncould kill for\n"
                      + "[self_harm]\ndon't want to live | 0.9\n")));
  private final Normaliser normaliser = new Normaliser(lexicon::knows, List.of());

  private List<String> phrases(String text) {
    return lexicon.match(normaliser.normalise(text)).stream()
        .map(m -> m.cue() + ":" + m.entry().phrase())
        .toList();
  }

  @Test
  void findsOverlappingPhrasesInOnePass() {
    assertThat(phrases("I will kill you"))
        .containsExactlyInAnyOrder("THREAT:kill you", "THREAT:i will kill you");
  }

  @Test
  void apostrophesAndWeightsAreParsed() {
    assertThat(phrases("I don't want to live")).containsExactly("SELF_HARM:dont want to live");
    assertThat(lexicon.entries())
        .filteredOn(e -> e.cue() == Cue.SELF_HARM)
        .extracting(LexiconEntry::weight)
        .containsExactly(0.9);
  }

  @Test
  void anIdiomIsMatchedLikeAnyOtherPhrase() {
    assertThat(phrases("I could kill for a coffee")).containsExactly("IDIOM:could kill for");
  }

  @Test
  void anUnknownSectionOrAPhraseBeforeASectionIsRejectedWithItsLine() {
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[nonsense]\nx\n")))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("\nphrase\n")))
        .hasMessageContaining("line 2");
  }
}
