package dev.switchboard.channels.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.fakes.InstagramWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instagram webhook payload as Meta documents it. */
class InstagramWebhookTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

  private static List<InstagramChange> parse(String json)
      throws InstagramWebhook.MalformedWebhookException {
    return InstagramWebhook.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void commentsRepliesAndLiveCommentsTakeTheEntryTime() throws Exception {
    List<InstagramChange> changes =
        parse(
            InstagramWebhooks.forAccount("ig1")
                .comment("c1", "m1", null, "Lovely staff", "u1", "ann")
                .comment("c2", "m1", "c1", "agreed", "u2", "bob")
                .comment("live_comments", "c3", "m2", null, "hi", "u3", "cat")
                .rawChange("mentions", Map.of("media_id", "m9", "comment_id", "c9"))
                .json(T0));

    assertThat(changes).hasSize(3);
    InstagramChange top = changes.get(0);
    assertThat(top.type()).isEqualTo(InstagramChange.Type.COMMENT);
    assertThat(top.accountId()).isEqualTo("ig1");
    assertThat(top.mediaId()).isEqualTo("m1");
    assertThat(top.parentId()).isNull();
    assertThat(top.fromName()).isEqualTo("ann");
    assertThat(top.text()).isEqualTo("Lovely staff");
    assertThat(top.time()).isEqualTo(T0);
    assertThat(top.raw()).contains("\"media_product_type\":\"FEED\"");
    assertThat(changes.get(1).parentId()).isEqualTo("c1");
    assertThat(changes.get(2).type()).isEqualTo(InstagramChange.Type.LIVE_COMMENT);
  }

  @Test
  void messagesEchoesAndUnsendsKnowTheParticipantAndMillisecondTimes() throws Exception {
    List<InstagramChange> changes =
        parse(
            InstagramWebhooks.forAccount("ig1")
                .message("mid.1", "igsid-9", "is parking free?", T0.plusMillis(1500))
                .echo("mid.2", "igsid-9", "Yes, after 6pm", T0.plusSeconds(60))
                .unsent("mid.1", "igsid-9", T0.plusSeconds(90))
                .read("igsid-9", "mid.2", T0.plusSeconds(95))
                .json(T0.plusSeconds(100)));

    assertThat(changes).hasSize(3);
    InstagramChange first = changes.get(0);
    assertThat(first.type()).isEqualTo(InstagramChange.Type.MESSAGE);
    assertThat(first.id()).isEqualTo("mid.1");
    assertThat(first.participantId()).isEqualTo("igsid-9");
    assertThat(first.fromId()).isEqualTo("igsid-9");
    assertThat(first.time()).isEqualTo(T0.plusMillis(1500));
    assertThat(first.echo()).isFalse();
    InstagramChange echo = changes.get(1);
    assertThat(echo.echo()).isTrue();
    assertThat(echo.fromId()).isEqualTo("ig1");
    assertThat(echo.participantId()).isEqualTo("igsid-9");
    InstagramChange unsent = changes.get(2);
    assertThat(unsent.deleted()).isTrue();
    assertThat(unsent.text()).isNull();
  }

  @Test
  void shapesThatAreNotAnInstagramNotificationAreRejectedWithoutQuotingContent() {
    assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[]}"))
        .hasMessageContaining("instagram");
    assertThatThrownBy(() -> parse("not json at all"))
        .isInstanceOf(InstagramWebhook.MalformedWebhookException.class);
    assertThatThrownBy(() -> parse("{\"object\":\"instagram\",\"entry\":{}}"))
        .hasMessageContaining("entry");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"object\":\"instagram\",\"entry\":[{\"id\":\"ig1\",\"time\":1,"
                        + "\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"c1\","
                        + "\"text\":\"secret words\"}}]}]}"))
        .hasMessageContaining("media.id")
        .hasMessageNotContaining("secret words");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"object\":\"instagram\",\"entry\":[{\"id\":\"ig1\",\"time\":1,"
                        + "\"messaging\":[{\"sender\":{\"id\":\"s\"},\"message\":{\"text\":\"x\"}}]}]}"))
        .hasMessageContaining("mid");
    // Found by InstagramConnectorIT's fuzzing: a container where a scalar belongs threw, a 500.
    assertThatThrownBy(
            () ->
                parse(
                    "{\"object\":\"instagram\",\"entry\":[{\"id\":\"ig1\",\"time\":1,"
                        + "\"messaging\":[{\"sender\":{\"id\":\"s\"},"
                        + "\"message\":{\"mid\":{},\"text\":\"x\"}}]}]}"))
        .isInstanceOf(InstagramWebhook.MalformedWebhookException.class);
    assertThatThrownBy(() -> parse("{\"object\":\"instagram\",\"entry\":[{\"id\":[],\"time\":1}]}"))
        .isInstanceOf(InstagramWebhook.MalformedWebhookException.class);
  }
}
