package dev.switchboard.channels.facebook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.fakes.FacebookWebhooks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedWebhookTest {

  private static final Instant T = Instant.parse("2026-11-25T09:30:00Z");

  @Test
  void theHandshakeEchoesTheChallengeOnlyForOurTokenAndSubscribe() {
    assertThat(FeedWebhook.handshake("subscribe", "secret-vt", "1158201444", "secret-vt"))
        .hasValue("1158201444");
    assertThat(FeedWebhook.handshake("subscribe", "other", "1158201444", "secret-vt")).isEmpty();
    assertThat(FeedWebhook.handshake("unsubscribe", "secret-vt", "1158201444", "secret-vt"))
        .isEmpty();
    assertThat(FeedWebhook.handshake("subscribe", "secret-vt", null, "secret-vt")).isEmpty();
    assertThat(FeedWebhook.handshake("subscribe", "", "c", "")).isEmpty();
  }

  @Test
  void parsesACommentChange() throws Exception {
    byte[] body =
        FacebookWebhooks.forPage("111")
            .comment("add", "111_5", "5_9", "111_5", "Waited six hours", "u-1", "Pat", T)
            .json(T)
            .getBytes(UTF_8);

    List<FeedChange> changes = FeedWebhook.parse(body);

    assertThat(changes).hasSize(1);
    FeedChange change = changes.get(0);
    assertThat(change.pageId()).isEqualTo("111");
    assertThat(change.isComment()).isTrue();
    assertThat(change.verb()).isEqualTo(FeedChange.Verb.ADD);
    assertThat(change.itemId()).isEqualTo("5_9");
    assertThat(change.parentId()).isEqualTo("111_5");
    assertThat(change.message()).isEqualTo("Waited six hours");
    assertThat(change.fromName()).isEqualTo("Pat");
    assertThat(change.createdTime()).isEqualTo(T);
    assertThat(change.raw()).contains("\"comment_id\":\"5_9\"");
  }

  @ParameterizedTest
  @CsvSource({
    "add,ADD",
    "edited,EDIT",
    "edit,EDIT",
    "remove,REMOVE",
    "removed,REMOVE",
    "hide,HIDE",
    "unhide,UNHIDE",
    "block,OTHER",
    "EDITED,EDIT"
  })
  void verbSpellingsAreNormalised(String spelling, FeedChange.Verb verb) {
    assertThat(FeedChange.Verb.of(spelling)).isEqualTo(verb);
  }

  @Test
  void otherFieldsAreLeftOutAndPostsKeepTheirItem() throws Exception {
    String body =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"111\",\"time\":1764063000,\"changes\":["
            + "{\"field\":\"mention\",\"value\":{\"post_id\":\"1_2\"}},"
            + "{\"field\":\"feed\",\"value\":{\"item\":\"status\",\"verb\":\"edited\",\"post_id\":\"111_7\","
            + "\"message\":\"new text\",\"from\":{\"id\":\"9\",\"name\":\"X\"}}}]}]}";

    List<FeedChange> changes = FeedWebhook.parse(body.getBytes(UTF_8));

    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.item()).isEqualTo("status");
              assertThat(c.verb()).isEqualTo(FeedChange.Verb.EDIT);
              assertThat(c.itemId()).isEqualTo("111_7");
              // No created_time in the change: the entry's time stands in.
              assertThat(c.createdTime()).isEqualTo(Instant.ofEpochSecond(1764063000));
            });
  }

  @Test
  void shapesOtherThanThePageFeedAreMalformed() {
    for (String body :
        List.of(
            "not json",
            "[]",
            "{\"object\":\"user\",\"entry\":[]}",
            "{\"object\":\"page\"}",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\",\"value\":{\"verb\":\"add\"}}]}]}",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"post_id\":\"1_2\"}}]}]}",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"status\",\"post_id\":\"1_2\",\"message\":42}}]}]}")) {
      assertThatThrownBy(() -> FeedWebhook.parse(body.getBytes(UTF_8)))
          .as(body)
          .isInstanceOf(FeedWebhook.MalformedWebhookException.class);
    }
  }
}
