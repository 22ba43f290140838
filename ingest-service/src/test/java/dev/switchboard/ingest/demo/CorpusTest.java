package dev.switchboard.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped demo corpus is a playable stream that exercises every label of issue 4. */
class CorpusTest {

  private static final int MIN_PER_LABEL = 8;
  private static final Pattern TEN_DIGITS =
      Pattern.compile("(?<!\\d ?)\\d{3} ?\\d{3} ?\\d{4}(?! ?\\d)");
  // Ofcom's numbers for drama (07700 900000-900999, 0161 496 0000-0999), Samaritans, 999.
  private static final Pattern PHONE = Pattern.compile("\\b0\\d{3,4} ?\\d{3} ?\\d{3,4}\\b");
  private static final Pattern DRAMA_PHONE = Pattern.compile("07700 900\\d{3}|0161 496 0\\d{3}");

  private static final Corpus CORPUS =
      Corpus.load(ObjectMapper.getDefault(), Corpus.DEFAULT_RESOURCE);

  @Test
  void parsesAndIsAPlayableStream() {
    assertThat(CORPUS.size()).isGreaterThanOrEqualTo(150);
    assertThat(CORPUS.problems()).isEmpty();
  }

  @Test
  void everyLabelAppearsOftenAndSomePostsHaveNoneOrSeveral() {
    Map<String, Long> counts =
        CORPUS.items().stream()
            .flatMap(i -> i.labels().stream())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(Corpus.LABELS);
    counts.forEach((label, n) -> assertThat(n).as(label).isGreaterThanOrEqualTo(MIN_PER_LABEL));

    List<CorpusItem> withText = CORPUS.items().stream().filter(i -> i.text() != null).toList();
    assertThat(withText.stream().filter(i -> i.labels().isEmpty()).count()).isGreaterThan(20);
    assertThat(withText.stream().filter(i -> i.labels().size() > 1).count()).isGreaterThan(20);
  }

  @Test
  void hasThreadsTrustRepliesEditsDeletionsAndPrivateMessages() {
    List<CorpusItem> items = CORPUS.items();
    assertThat(items.stream().filter(i -> i.threadRootId() != null).count()).isGreaterThan(40);
    assertThat(items.stream().filter(i -> i.parentId() != null && !i.parentId().equals(i.rootId())))
        .as("replies to replies")
        .hasSizeGreaterThan(5);
    assertThat(items.stream().filter(i -> "northbrook-nhs".equals(authorId(i))))
        .as("the trust's own replies")
        .hasSizeGreaterThan(20)
        .allSatisfy(i -> assertThat(i.labels()).isEmpty());
    assertThat(items.stream().filter(i -> i.kindOrDefault().equals("edited")))
        .hasSizeGreaterThan(4);
    assertThat(items.stream().filter(i -> i.kindOrDefault().equals("deleted")))
        .hasSizeGreaterThan(4)
        .allSatisfy(i -> assertThat(i.text()).isNull());
    assertThat(items.stream().filter(i -> "private".equals(i.visibility()))).hasSizeGreaterThan(3);
    assertThat(items.stream().filter(i -> "review".equals(i.itemType())))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.rating()).isBetween(1, 5));
  }

  @Test
  void everyNhsNumberPassesModulus11AndAnInvalidOneIsNotPersonalData() {
    List<String> valid = new ArrayList<>();
    List<String> invalidInPersonalData = new ArrayList<>();
    List<String> invalidElsewhere = new ArrayList<>();
    for (CorpusItem item : CORPUS.items()) {
      if (item.text() == null) {
        continue;
      }
      Matcher m = TEN_DIGITS.matcher(item.text());
      while (m.find()) {
        String number = m.group();
        if (NhsNumbers.valid(number)) {
          valid.add(number);
          assertThat(item.labels()).as(item.platformId()).contains("personal_data");
        } else if (item.labels().contains("personal_data")) {
          invalidInPersonalData.add(item.platformId() + ": " + number);
        } else {
          invalidElsewhere.add(number);
        }
      }
    }
    assertThat(valid).hasSizeGreaterThanOrEqualTo(5);
    assertThat(invalidInPersonalData).isEmpty();
    assertThat(invalidElsewhere).as("the hard case: ten digits, wrong check digit").isNotEmpty();
  }

  @Test
  void modulus11IsCheckedCorrectly() {
    assertThat(NhsNumbers.valid("943 476 5919")).isTrue(); // uk-rules.md's example
    assertThat(NhsNumbers.valid("943 476 5918")).isFalse();
    assertThat(NhsNumbers.valid("943 476 591")).isFalse();
  }

  @Test
  void phoneNumbersAreOfcomDramaNumbers() {
    for (CorpusItem item : CORPUS.items()) {
      if (item.text() == null) {
        continue;
      }
      Matcher m = PHONE.matcher(item.text());
      while (m.find()) {
        if (TEN_DIGITS.matcher(m.group()).matches()) {
          continue; // an NHS number or the invalid reference, checked above
        }
        assertThat(m.group()).as(item.platformId()).matches(DRAMA_PHONE);
      }
    }
  }

  @Test
  void isWrittenInBritishEnglish() {
    Pattern american =
        Pattern.compile(
            "\\b(mom|color|favorite|center|emergency room|ER|hospitalized|pediatric|gotten|"
                + "cell phone|parking lot|math)\\b");
    assertThat(CORPUS.items())
        .filteredOn(i -> i.text() != null)
        .allSatisfy(
            i -> assertThat(american.matcher(i.text()).find()).as(i.platformId()).isFalse());
  }

  @Test
  void findsWhatIsWrongWithABrokenStream() {
    Corpus broken =
        Corpus.of(
            List.of(
                item("p-1", null, null, null, 0, "hello", List.of("praise")),
                item("c-1", "p-9", null, null, 0, "to a root that never was", List.of()),
                item("c-2", "p-1", "c-8", null, 0, "to a missing parent", List.of()),
                item("p-2", null, null, "edited", 1, "edit before create", List.of()),
                item("p-1", null, null, "edited", 2, "skips revision 1", List.of()),
                item("p-1", null, null, "deleted", 2, null, List.of()),
                item("p-1", null, null, "edited", 3, "after deletion", List.of()),
                item("p-3", null, null, null, 0, "odd label", List.of("rude"))));

    assertThat(String.join("\n", broken.problems()))
        .contains("item 2 (c-1): its thread root p-9 is not an earlier root item")
        .contains("item 3 (c-2): its parent c-8 is not earlier in its thread")
        .contains("item 4 (p-2): edited before the item was created")
        .contains("item 5 (p-1): an edit must have revision 1")
        .contains("item 7 (p-1): comes after the item was deleted")
        .contains("item 8 (p-3): unknown label rude");
    assertThat(broken.problems()).hasSize(6);
  }

  static CorpusItem item(
      String id,
      String root,
      String parent,
      String kind,
      int revision,
      String text,
      List<String> labels) {
    return new CorpusItem(
        id, root, parent, kind, revision, null, null, text, null, null, "en-GB", labels, null);
  }

  private static String authorId(CorpusItem item) {
    return item.author() == null ? null : item.author().id();
  }
}
