package dev.switchboard.ingest.connectors.instagram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.instagram.InstagramChange;
import dev.switchboard.channels.instagram.InstagramComment;
import dev.switchboard.channels.instagram.InstagramWebhook;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.fakes.InstagramWebhooks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instagram items as ChannelEvents, polled and by webhook alike. */
class InstagramNormalizerTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant NOW = T0.plusSeconds(600);

  @Test
  void aPolledCommentAndTheSameCommentByWebhookAreOneItemAndOneEvent() throws Exception {
    InstagramComment polled =
        new InstagramComment(
            "c1", "m1", null, "Caf\u0065\u0301 <b>closed</b>", "u1", "ann", T0, false, 0, "{}");
    ChannelEvent fromPoll = InstagramNormalizer.comment("ig1", polled, "https://i/p/x/", NOW);
    List<InstagramChange> changes =
        InstagramWebhook.parse(
            InstagramWebhooks.forAccount("ig1")
                .comment("c1", "m1", null, "Café closed", "u1", "ann")
                .json(T0)
                .getBytes(UTF_8));
    ChannelEvent fromHook = InstagramNormalizer.fromWebhook("ig1", changes.get(0), NOW);

    assertThat(fromPoll.channel()).isEqualTo(Channel.INSTAGRAM);
    assertThat(fromPoll.text()).isEqualTo("Café closed");
    assertThat(fromPoll.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(fromPoll.threadRootId()).isEqualTo("m1");
    assertThat(fromPoll.parentId()).isEqualTo("m1");
    assertThat(fromPoll.author().name()).isEqualTo("ann");
    assertThat(fromPoll.author().profileUrl()).isEqualTo("https://www.instagram.com/ann");
    assertThat(fromPoll.itemId()).isEqualTo(Ids.itemId(Channel.INSTAGRAM, "ig1", "c1"));
    assertThat(fromHook.eventId()).isEqualTo(fromPoll.eventId());
    assertThat(fromHook.conversationKey()).isEqualTo(fromPoll.conversationKey());
    assertThat(fromHook.source()).isEqualTo(IngestSource.WEBHOOK);
    assertThat(fromHook.createdAt()).isEqualTo(T0);
  }

  @Test
  void messagesArePrivateThreadedByThePersonAndAnUnsendIsADeletion() throws Exception {
    List<InstagramChange> changes =
        InstagramWebhook.parse(
            InstagramWebhooks.forAccount("ig1")
                .message("mid.1", "igsid-9", "my test results?", T0)
                .echo("mid.2", "igsid-9", "Please call us", T0.plusSeconds(5))
                .unsent("mid.1", "igsid-9", T0.plusSeconds(9))
                .json(T0.plusSeconds(10))
                .getBytes(UTF_8));
    List<ChannelEvent> events =
        changes.stream().map(c -> InstagramNormalizer.fromWebhook("ig1", c, NOW)).toList();

    assertThat(events).allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.PRIVATE));
    assertThat(events)
        .allSatisfy(e -> assertThat(e.itemType()).isEqualTo(ItemType.PRIVATE_MESSAGE));
    assertThat(events).extracting(ChannelEvent::threadRootId).containsOnly("igsid-9");
    assertThat(events.get(1).author().platformId()).isEqualTo("ig1");
    assertThat(events.get(2).kind()).isEqualTo(EventKind.DELETED);
    assertThat(events.get(2).text()).isNull();
    assertThat(events.get(2).itemId()).isEqualTo(events.get(0).itemId());
    assertThat(events.get(2).eventId()).isNotEqualTo(events.get(0).eventId());
  }

  @Test
  void aReplyAnswersItsCommentAndADeletionKeepsTheThread() {
    ChannelEvent deleted = InstagramNormalizer.deletedComment("ig1", "m1", "c2", "c1", NOW);
    assertThat(deleted.kind()).isEqualTo(EventKind.DELETED);
    assertThat(deleted.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(deleted.parentId()).isEqualTo("c1");
    assertThat(deleted.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.INSTAGRAM, "ig1", "m1"));
    assertThat(deleted.raw()).contains("\"id\":\"c2\"");
  }
}
