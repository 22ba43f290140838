package dev.switchboard.channels.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RSS and Atom parsing rules that the fake does not exercise. */
class FeedParserTest {

  @Test
  void rfc822DatesWithZoneNamesAndRfc3339DatesAreRead() {
    assertThat(FeedParser.time("Wed, 25 Nov 2026 09:00:00 GMT"))
        .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    assertThat(FeedParser.time("Wed, 25 Nov 2026 04:00:00 EST"))
        .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    assertThat(FeedParser.time("Wed, 25 Nov 2026 09:00:00 +0100"))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(FeedParser.time("2026-11-25T09:00:00+01:00"))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(FeedParser.time("last Tuesday")).isNull();
  }

  @Test
  void anItemWithNeitherGuidNorLinkIsCountedAndSkipped() throws Exception {
    FeedParser.Parsed parsed =
        FeedParser.parse(
            "<rss version=\"2.0\"><channel><item><title>no id</title></item>"
                + "<item><guid>g</guid><title><![CDATA[<b>bold</b>]]></title></item></channel></rss>");
    assertThat(parsed.malformedItems()).isEqualTo(1);
    assertThat(parsed.items()).extracting(FeedItem::title).containsExactly("<b>bold</b>");
  }

  @Test
  void entityExpansionAndNonFeedsAreRefused() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<rss><channel><item><guid>x</guid><title>&b;</title></item></channel></rss>";
    assertThatThrownBy(() -> FeedParser.parse(laughs))
        .isInstanceOf(FeedParser.FeedFormatException.class);
    assertThatThrownBy(() -> FeedParser.parse("<html><body>hi</body></html>"))
        .isInstanceOf(FeedParser.FeedFormatException.class);
    assertThatThrownBy(() -> FeedParser.parse(""))
        .isInstanceOf(FeedParser.FeedFormatException.class);
  }
}
