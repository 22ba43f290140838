package dev.switchboard.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void removesTagsAndKeepsLineBreaks() {
    assertThat(TextCleaner.clean("<p>Thank you <b>ward 7</b>!</p><p>Second<br/>line</p>"))
        .isEqualTo("Thank you ward 7!\nSecond\nline");
  }

  @Test
  void dropsScriptsAndComments() {
    assertThat(TextCleaner.clean("hi<script>alert(1)</script><!-- x --> there"))
        .isEqualTo("hi there");
  }

  @Test
  void decodesCharacterReferences() {
    assertThat(TextCleaner.clean("A&amp;E &#8211; &pound;5 &#x1F600; &bogus; &#0;"))
        .isEqualTo("A&E – £5 \uD83D\uDE00 &bogus; &#0;");
  }

  @Test
  void leavesTextThatOnlyLooksLikeMarkupAlone() {
    assertThat(TextCleaner.clean("I <3 ward 7, a < b and A&E"))
        .isEqualTo("I <3 ward 7, a < b and A&E");
  }

  @Test
  void normalisesToNfc() {
    String decomposed = "Cafe\u0301";

    assertThat(TextCleaner.clean(decomposed)).isEqualTo("Caf\u00e9");
  }
}
