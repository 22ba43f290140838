package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequiredFieldsTest {

  @Test
  void namesNullAndBlankFieldsInOrderButNeverAValue() {
    assertThatThrownBy(
            () ->
                RequiredFields.of(ClassifiedEvent.class)
                    .require(null, "event.eventId")
                    .require("secret words", "event.text")
                    .require("  ", "event.account")
                    .require(7, "event.revision")
                    .check())
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("ClassifiedEvent lacks required fields [event.eventId, event.account]");
  }

  @Test
  void passesWhenEverythingIsThere() {
    assertThatCode(() -> RequiredFields.of(ClassifiedEvent.class).require("x", "a").check())
        .doesNotThrowAnyException();
  }

  @Test
  void theIdentityOfAChannelEventIsNamedUnderItsPath() {
    ChannelEvent partial =
        JsonMapper.builder()
            .build()
            .readValue(
                "{\"eventId\":\"evt-1\",\"revision\":0,\"text\":\"secret words\"}",
                ChannelEvent.class);

    assertThatThrownBy(
            () ->
                RequiredFields.of(ClassifiedEvent.class)
                    .requireIdentity(partial, "event.")
                    .require(null, "priority")
                    .check())
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "ClassifiedEvent lacks required fields [event.itemId, event.conversationKey,"
                + " event.channel, event.account, event.kind, priority]");
  }
}
