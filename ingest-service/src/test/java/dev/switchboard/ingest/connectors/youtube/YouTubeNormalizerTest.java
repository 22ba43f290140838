package dev.switchboard.ingest.connectors.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.youtube.YouTubeComment;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ItemType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YouTube comments become ChannelEvents with the thread, parent, author and edit rules. */
class YouTubeNormalizerTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant NOW = T0.plusSeconds(600);

  private static YouTubeComment comment(String id, String parent, String text, Instant updated) {
    return new YouTubeComment(
        id, "Ugz1", parent, "vid", text, "UCauthor", "Pat", T0, updated, "published", "{\"id\":1}");
  }

  @Test
  void aTopLevelCommentIsTheRootOfItsThread() {
    List<ChannelEvent> events =
        YouTubeNormalizer.events(
            "UCtrust", comment("Ugz1", null, "Parking &amp; <b>A&amp;E</b>", T0), true, NOW);

    assertThat(events).hasSize(1);
    ChannelEvent e = events.get(0);
    assertThat(e.channel()).isEqualTo(Channel.YOUTUBE);
    assertThat(e.account()).isEqualTo("UCtrust");
    assertThat(e.kind()).isEqualTo(EventKind.CREATED);
    assertThat(e.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(e.threadRootId()).isEqualTo("Ugz1");
    assertThat(e.parentId()).isNull();
    assertThat(e.text()).isEqualTo("Parking & A&E");
    assertThat(e.url()).isEqualTo("https://www.youtube.com/watch?v=vid&lc=Ugz1");
    assertThat(e.author().platformId()).isEqualTo("UCauthor");
    assertThat(e.itemId()).isEqualTo(Ids.itemId(Channel.YOUTUBE, "UCtrust", "Ugz1"));
    assertThat(e.createdAt()).isEqualTo(T0);
    assertThat(e.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void aReplyHasTheTopLevelCommentAsParentAndSharesItsConversation() {
    ChannelEvent top =
        YouTubeNormalizer.events("UCtrust", comment("Ugz1", null, "q", T0), true, NOW).get(0);
    ChannelEvent reply =
        YouTubeNormalizer.events("UCtrust", comment("Ugz1.9", "Ugz1", "a", T0), true, NOW).get(0);

    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo("Ugz1");
    assertThat(reply.conversationKey()).isEqualTo(top.conversationKey());
  }

  @Test
  void anEditGivesARevisionFromItsTextSoTheSameEditIsTheSameEvent() {
    List<ChannelEvent> edited =
        YouTubeNormalizer.events(
            "UCtrust", comment("Ugz1", null, "v2", T0.plusSeconds(5)), false, NOW);
    List<ChannelEvent> again =
        YouTubeNormalizer.events(
            "UCtrust", comment("Ugz1", null, "v2", T0.plusSeconds(9)), false, NOW);
    List<ChannelEvent> other =
        YouTubeNormalizer.events(
            "UCtrust", comment("Ugz1", null, "v3", T0.plusSeconds(9)), false, NOW);

    assertThat(edited).extracting(ChannelEvent::kind).containsExactly(EventKind.EDITED);
    assertThat(again.get(0).eventId()).isEqualTo(edited.get(0).eventId());
    assertThat(other.get(0).eventId()).isNotEqualTo(edited.get(0).eventId());
    assertThat(
            YouTubeNormalizer.events(
                "UCtrust", comment("Ugz1", null, "v2", T0.plusSeconds(5)), true, NOW))
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.EDITED);
  }
}
