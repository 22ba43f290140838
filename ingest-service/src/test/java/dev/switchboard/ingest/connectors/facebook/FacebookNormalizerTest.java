package dev.switchboard.ingest.connectors.facebook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.facebook.FeedChange;
import dev.switchboard.channels.facebook.FeedWebhook;
import dev.switchboard.channels.facebook.GraphItem;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.fakes.FacebookWebhooks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacebookNormalizerTest {

  private static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static GraphItem comment(String id, String parent, String message) {
    return new GraphItem(
        GraphItem.Type.COMMENT,
        id,
        "111_5",
        parent,
        message,
        "u-1",
        "Pat",
        CREATED,
        null,
        "https://www.facebook.com/111/posts/5?comment_id=" + id,
        "{\"id\":\"" + id + "\"}");
  }

  private static ChannelEvent webhook(
      String verb, String commentId, String parentId, String message) throws Exception {
    byte[] body =
        FacebookWebhooks.forPage("111")
            .comment(verb, "111_5", commentId, parentId, message, "u-1", "Pat", CREATED)
            .json(NOW)
            .getBytes(UTF_8);
    FeedChange change = FeedWebhook.parse(body).get(0);
    return FacebookNormalizer.fromWebhook(change, NOW).orElseThrow();
  }

  @Test
  void aPolledCommentAndItsWebhookAreTheSameItemAndEvent() throws Exception {
    ChannelEvent polled =
        FacebookNormalizer.fromPoll("111", comment("5_9", null, "Waited 6 hours"), NOW).get(0);
    ChannelEvent pushed = webhook("add", "5_9", "111_5", "Waited 6 hours");

    assertThat(pushed.itemId())
        .isEqualTo(polled.itemId())
        .isEqualTo(Ids.itemId(Channel.FACEBOOK, "111", "5_9"));
    assertThat(pushed.eventId()).isEqualTo(polled.eventId());
    assertThat(pushed.conversationKey())
        .isEqualTo(polled.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.FACEBOOK, "111", "111_5"));
    assertThat(polled.source()).isEqualTo(IngestSource.POLL);
    assertThat(pushed.source()).isEqualTo(IngestSource.WEBHOOK);
    assertThat(polled.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(polled.parentId()).isEqualTo("111_5");
    assertThat(polled.raw()).isEqualTo("{\"id\":\"5_9\"}");
  }

  @Test
  void anEditIsItsOwnEventWhoseRevisionFollowsTheText() throws Exception {
    ChannelEvent created = webhook("add", "5_9", "111_5", "first");
    ChannelEvent edit1 = webhook("edited", "5_9", "111_5", "second");
    ChannelEvent edit1Again = webhook("edit", "5_9", "111_5", "second");
    ChannelEvent edit2 = webhook("edited", "5_9", "111_5", "third");

    assertThat(edit1.kind()).isEqualTo(EventKind.EDITED);
    assertThat(edit1.itemId()).isEqualTo(created.itemId());
    assertThat(edit1.revision()).isPositive();
    assertThat(edit1Again.eventId()).isEqualTo(edit1.eventId());
    assertThat(edit2.eventId()).isNotEqualTo(edit1.eventId()).isNotEqualTo(created.eventId());
  }

  @Test
  void aRemovalIsADeletedEventWithoutText() throws Exception {
    ChannelEvent deleted = webhook("remove", "5_9", "111_5", null);

    assertThat(deleted.kind()).isEqualTo(EventKind.DELETED);
    assertThat(deleted.text()).isNull();
    assertThat(deleted.itemId()).isEqualTo(Ids.itemId(Channel.FACEBOOK, "111", "5_9"));
  }

  @Test
  void aReplyPointsAtItsParentCommentAndTheThreadRootStaysThePost() throws Exception {
    ChannelEvent reply = webhook("add", "5_10", "5_9", "me too");

    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo("5_9");
    assertThat(reply.threadRootId()).isEqualTo("111_5");
  }

  @Test
  void htmlIsStrippedAndUnicodeNormalised() {
    String decomposed = "Caf\u0065\u0301 <b>was</b> closed &amp; cold<br/>again";

    ChannelEvent event =
        FacebookNormalizer.fromPoll("111", comment("5_9", null, decomposed), NOW).get(0);

    assertThat(event.text()).isEqualTo("Caf\u00e9 was closed & cold\nagain");
  }

  @Test
  void messengerMessagesArePrivate() {
    GraphItem message =
        new GraphItem(
            GraphItem.Type.MESSAGE,
            "m_1",
            "t_1",
            null,
            "my appointment",
            "u-2",
            "Sam",
            CREATED,
            CREATED,
            null,
            "{}");

    ChannelEvent event = FacebookNormalizer.fromPoll("111", message, NOW).get(0);

    assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(event.itemType()).isEqualTo(ItemType.PRIVATE_MESSAGE);
    assertThat(event.threadRootId()).isEqualTo("t_1");
  }

  @Test
  void anEditedPolledPostGivesCreatedAndEdited() {
    GraphItem post =
        new GraphItem(
            GraphItem.Type.POST,
            "111_5",
            null,
            null,
            "new text",
            "111",
            "Trust",
            CREATED,
            CREATED.plusSeconds(600),
            "https://www.facebook.com/111/posts/5",
            "{}");

    List<ChannelEvent> events = FacebookNormalizer.fromPoll("111", post, NOW);

    assertThat(events)
        .extracting(ChannelEvent::kind)
        .containsExactly(EventKind.CREATED, EventKind.EDITED);
  }

  @Test
  void reactionsAndHidesCarryNoContentEvent() throws Exception {
    byte[] body =
        FacebookWebhooks.forPage("111")
            .comment("hide", "111_5", "5_9", "111_5", null, "u", "U", CREATED)
            .post("reaction", "add", "111_5", null, "u", "U", CREATED)
            .json(NOW)
            .getBytes(UTF_8);

    for (FeedChange change : FeedWebhook.parse(body)) {
      assertThat(FacebookNormalizer.fromWebhook(change, NOW)).isEmpty();
    }
  }
}
