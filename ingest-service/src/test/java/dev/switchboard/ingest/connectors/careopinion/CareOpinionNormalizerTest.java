package dev.switchboard.ingest.connectors.careopinion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.careopinion.CareOpinionResponse;
import dev.switchboard.channels.careopinion.CareOpinionStory;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.ItemType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CareOpinionNormalizerTest {

  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final String SITE = "https://www.careopinion.org.uk/";

  private static CareOpinionStory story(String body, String progress) {
    return new CareOpinionStory(
        "1071043", "Ward 7", body, null, T0, "carer", "not critical", progress, "{\"id\":1071043}");
  }

  @Test
  void markdownBecomesPlainTextWithItsWordsAndLineBreaks() {
    assertThat(
            MarkdownText.plain(
                "## A *very* long wait\n\n> quoted **bold** and __strong__\n\n"
                    + "- first\n- see [the leaflet](https://x.test/a) ![photo](p.png)\n\n***\n"
                    + "`code` snake_case_name 2 * 3 = 6 \\*not emphasis\\* &amp; Caf\u0065\u0301"))
        .isEqualTo(
            "A very long wait\n\nquoted bold and strong\n\n- first\n- see the leaflet photo\n\n\n"
                + "code snake_case_name 2 * 3 = 6 *not emphasis* & Caf\u00e9");
    assertThat(MarkdownText.plain(null)).isNull();
  }

  @Test
  void aStoryIsTheRootOfItsConversationAndAnEditIsKeyedByTextAndStatus() {
    ChannelEvent created =
        CareOpinionNormalizer.story(
            "RX1", story("Kind *staff*", "not yet read"), EventKind.CREATED, SITE, NOW);
    assertThat(created.itemType()).isEqualTo(ItemType.STORY);
    assertThat(created.text()).isEqualTo("Ward 7\n\nKind staff");
    assertThat(created.threadRootId()).isEqualTo("1071043");
    assertThat(created.parentId()).isNull();
    assertThat(created.revision()).isZero();
    assertThat(created.url()).isEqualTo("https://www.careopinion.org.uk/opinions/1071043");
    assertThat(created.author().name()).isEqualTo("carer");
    assertThat(created.raw()).isEqualTo("{\"id\":1071043}");

    ChannelEvent read =
        CareOpinionNormalizer.story(
            "RX1", story("Kind *staff*", "read"), EventKind.EDITED, SITE, NOW);
    ChannelEvent readAgain =
        CareOpinionNormalizer.story(
            "RX1", story("Kind *staff*", "read"), EventKind.EDITED, SITE, NOW.plusSeconds(60));
    ChannelEvent responded =
        CareOpinionNormalizer.story(
            "RX1", story("Kind *staff*", "response from provider"), EventKind.EDITED, SITE, NOW);
    assertThat(read.eventId()).isEqualTo(readAgain.eventId());
    assertThat(read.eventId()).isNotEqualTo(responded.eventId()).isNotEqualTo(created.eventId());
    assertThat(read.itemId()).isEqualTo(created.itemId());
  }

  @Test
  void aResponseIsAReplyToTheStoryAndAWithdrawalHasNoText() {
    CareOpinionResponse response =
        new CareOpinionResponse(
            "55", "1071043", "Thank you", "Jo Bloggs", "Matron", "Trust", T0.plusSeconds(60), "{}");
    ChannelEvent reply = CareOpinionNormalizer.reply("RX1", response, EventKind.CREATED, SITE, NOW);
    ChannelEvent root =
        CareOpinionNormalizer.story("RX1", story("b", "read"), EventKind.CREATED, SITE, NOW);
    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo("1071043");
    assertThat(reply.conversationKey()).isEqualTo(root.conversationKey());
    assertThat(reply.author().name()).isEqualTo("Jo Bloggs");

    ChannelEvent gone = CareOpinionNormalizer.deleted("RX1", "1071043", "55", SITE, NOW);
    assertThat(gone.kind()).isEqualTo(EventKind.DELETED);
    assertThat(gone.itemId()).isEqualTo(reply.itemId());
    assertThat(gone.text()).isNull();
    assertThat(gone.raw()).contains("\"withdrawn\":true");
    assertThat(CareOpinionNormalizer.deleted("RX1", "1071043", null, SITE, NOW).itemId())
        .isEqualTo(root.itemId());
  }
}
