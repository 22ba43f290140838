package dev.switchboard.ingest.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.x.XDirectMessage;
import dev.switchboard.channels.x.XPost;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How X posts and direct messages become channel events. */
class XNormalizerTest {

  private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static XPost post(String id, List<String> history, String inReplyTo, String parent) {
    return new XPost(
        id,
        "@nhs_trust the lift &lt;again&gt;",
        "2001",
        "pat",
        "Pat",
        AT,
        "100",
        inReplyTo,
        parent,
        history,
        "{\"id\":\"" + id + "\"}");
  }

  @Test
  void aNewMentionIsCreatedOnceWithItsThread() {
    List<ChannelEvent> events =
        XNormalizer.events("1001", post("105", List.of("105"), "2002", "100"), false, NOW);

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.CREATED);
              assertThat(e.revision()).isZero();
              assertThat(e.channel()).isEqualTo(Channel.X);
              assertThat(e.account()).isEqualTo("1001");
              assertThat(e.itemId()).isEqualTo(Ids.itemId(Channel.X, "1001", "105"));
              assertThat(e.eventId()).isEqualTo(Ids.eventId(e.itemId(), EventKind.CREATED, 0));
              assertThat(e.conversationKey())
                  .isEqualTo(Ids.conversationKey(Channel.X, "1001", "100"));
              assertThat(e.itemType()).isEqualTo(ItemType.MENTION);
              assertThat(e.threadRootId()).isEqualTo("100");
              assertThat(e.parentId()).isEqualTo("100");
              assertThat(e.text()).isEqualTo("@nhs_trust the lift <again>");
              assertThat(e.createdAt()).isEqualTo(AT);
              assertThat(e.receivedAt()).isEqualTo(NOW);
              assertThat(e.raw()).isEqualTo("{\"id\":\"105\"}");
            });
  }

  @Test
  void anAnswerToTheTrustsOwnPostIsAReply() {
    ChannelEvent event =
        XNormalizer.events("1001", post("105", List.of("105"), "1001", "100"), false, NOW).get(0);
    assertThat(event.itemType()).isEqualTo(ItemType.REPLY);
  }

  @Test
  void anEditIsEditedForTheOriginalAndRepeatsAsTheSameEvent() {
    XPost edit = post("120", List.of("105", "110", "120"), null, null);

    List<ChannelEvent> seenBefore = XNormalizer.events("1001", edit, false, NOW);
    List<ChannelEvent> again = XNormalizer.events("1001", edit, false, NOW.plusSeconds(60));
    List<ChannelEvent> neverSeen = XNormalizer.events("1001", edit, true, NOW);

    assertThat(seenBefore)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.EDITED);
              assertThat(e.platformId()).isEqualTo("105");
              assertThat(e.itemId()).isEqualTo(Ids.itemId(Channel.X, "1001", "105"));
              assertThat(e.revision()).isEqualTo(2);
              assertThat(e.url()).isEqualTo("https://x.com/pat/status/120");
            });
    assertThat(again.get(0).eventId()).isEqualTo(seenBefore.get(0).eventId());
    assertThat(neverSeen)
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.EDITED);
    assertThat(neverSeen.get(0).itemId()).isEqualTo(seenBefore.get(0).itemId());
  }

  @Test
  void aDirectMessageIsPrivate() {
    ChannelEvent event =
        XNormalizer.event(
            "1001",
            new XDirectMessage("300", "hello", "2001", "1001-2001", List.of(), AT, "{}"),
            NOW);

    assertThat(event.itemType()).isEqualTo(ItemType.PRIVATE_MESSAGE);
    assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(event.threadRootId()).isEqualTo("1001-2001");
    assertThat(event.parentId()).isNull();
    assertThat(event.author().platformId()).isEqualTo("2001");
    assertThat(event.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.X, "1001", "1001-2001"));
  }

  @Test
  void theCursorSurvivesItsStoredFormAndAnythingElseStartsAfresh() {
    XCursor cursor =
        XCursor.START
            .withMentions(new XCursor.Position("105", "tok", "120"))
            .withDirectMessages(new XCursor.Position("300", null, null));

    assertThat(XCursor.decode(cursor.encode())).contains(cursor);
    assertThat(XCursor.decode("{}")).contains(XCursor.START);
    assertThat(XCursor.decode("not json")).isEmpty();
  }
}
