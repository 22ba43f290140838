package dev.switchboard.ingest.connectors.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.wordpress.WordPressComment;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a WordPress comment becomes a channel event. */
class WordPressNormalizerTest {

  private static final Instant WRITTEN = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant RECEIVED = Instant.parse("2026-11-25T08:05:00Z");

  @Test
  void aTopLevelCommentHangsOffItsPost() {
    ChannelEvent event =
        WordPressNormalizer.event(
            "trust-news",
            comment("41", null, "approved"),
            "Thank you",
            EventKind.CREATED,
            0,
            RECEIVED);

    assertThat(event.channel()).isEqualTo(Channel.WORDPRESS);
    assertThat(event.account()).isEqualTo("trust-news");
    assertThat(event.itemId()).isEqualTo(Ids.itemId(Channel.WORDPRESS, "trust-news", "41"));
    assertThat(event.eventId()).isEqualTo(Ids.eventId(event.itemId(), EventKind.CREATED, 0));
    assertThat(event.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(event.threadRootId()).isEqualTo("7");
    assertThat(event.parentId()).isEqualTo("7");
    assertThat(event.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.WORDPRESS, "trust-news", "7"));
    assertThat(event.createdAt()).isEqualTo(WRITTEN);
    assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    assertThat(event.source()).isEqualTo(IngestSource.POLL);
    assertThat(event.url()).isEqualTo("https://blog.example/?p=7#comment-41");
    assertThat(event.author().name()).isEqualTo("Pat");
    assertThat(event.author().profileUrl()).isEqualTo("https://pat.example");
    assertThat(event.author().platformId()).isNull();
  }

  @Test
  void aReplyHasItsParentAndSpamStaysPublicWithTheStatusInRaw() {
    ChannelEvent event =
        WordPressNormalizer.event(
            "trust-news", comment("42", "41", "spam"), "buy now", EventKind.EDITED, 99, RECEIVED);

    assertThat(event.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(event.parentId()).isEqualTo("41");
    assertThat(event.threadRootId()).isEqualTo("7");
    assertThat(event.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(event.raw()).contains("\"status\":\"spam\"");
    assertThat(event.revision()).isEqualTo(99);
    assertThat(event.eventId()).isEqualTo(Ids.eventId(event.itemId(), EventKind.EDITED, 99));
  }

  @Test
  void aHandTypedWebsiteIsNotAProfileLink() {
    WordPressComment typed =
        new WordPressComment(
            "43",
            "7",
            null,
            null,
            "Sam",
            "www.sam example",
            WRITTEN,
            "<p>x</p>",
            null,
            "hold",
            "comment",
            "{}");

    ChannelEvent event =
        WordPressNormalizer.event("trust-news", typed, "x", EventKind.CREATED, 0, RECEIVED);

    assertThat(event.author().name()).isEqualTo("Sam");
    assertThat(event.author().profileUrl()).isNull();
  }

  private static WordPressComment comment(String id, String parent, String status) {
    return new WordPressComment(
        id,
        "7",
        parent,
        null,
        "Pat",
        "https://pat.example",
        WRITTEN,
        "<p>text</p>",
        "https://blog.example/?p=7#comment-" + id,
        status,
        "comment",
        "{\"id\":" + id + ",\"status\":\"" + status + "\"}");
  }
}
