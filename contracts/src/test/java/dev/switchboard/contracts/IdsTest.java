package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** The deterministic identities that make a redelivered platform item one item downstream. */
class IdsTest {

  static final String PAGE = ChannelEvents.TRUST_PAGE;
  static final String OTHER_PAGE = "209876543210987";
  static final String COMMENT = ChannelEvents.COMPLAINT_COMMENT;
  static final String ROOT = ChannelEvents.WINTER_POST;

  @Test
  void theSamePlatformItemAlwaysGetsTheSameIds() {
    // As if the webhook and an overlapping poll both delivered the comment.
    assertThat(Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT))
        .isEqualTo(Ids.itemId(Channel.FACEBOOK, new String(PAGE), new String(COMMENT)));
    assertThat(Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT))
        .isEqualTo(Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT));
    String itemId = Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT);
    assertThat(Ids.eventId(itemId, EventKind.CREATED, 0))
        .isEqualTo(Ids.eventId(itemId, EventKind.CREATED, 0));
  }

  @Test
  void idsAreStableAcrossReleases() {
    // Pinned values, computed independently of Ids (SHA-256 over NUL-terminated UTF-8 parts):
    // changing the digest would split every stored item from its redeliveries.
    String itemId = Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT);
    assertThat(itemId).isEqualTo("itm-c348d56c38072c4518b022a1c7db8841");
    assertThat(Ids.eventId(itemId, EventKind.CREATED, 0))
        .isEqualTo("evt-ccd42318ca4d0b685fe9773f4102d813");
    assertThat(Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT))
        .isEqualTo("cnv-0f8c1a2278259af89bd7febd2f6b9f68");
  }

  @Test
  void theSamePlatformIdUnderAnotherAccountIsAnotherItem() {
    assertThat(Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT))
        .isNotEqualTo(Ids.itemId(Channel.FACEBOOK, OTHER_PAGE, COMMENT));
    assertThat(Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT))
        .isNotEqualTo(Ids.conversationKey(Channel.FACEBOOK, OTHER_PAGE, ROOT));
    assertThat(Ids.targetKey(Channel.FACEBOOK, PAGE, COMMENT))
        .isNotEqualTo(Ids.targetKey(Channel.FACEBOOK, OTHER_PAGE, COMMENT));
  }

  @Test
  void theSamePlatformIdOnAnotherChannelIsAnotherItem() {
    assertThat(Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT))
        .isNotEqualTo(Ids.itemId(Channel.INSTAGRAM, PAGE, COMMENT));
  }

  @Test
  void partsCannotCollideByConcatenation() {
    assertThat(Ids.itemId(Channel.FACEBOOK, "12", "345"))
        .isNotEqualTo(Ids.itemId(Channel.FACEBOOK, "123", "45"));
  }

  @Test
  void eachKindAndRevisionOfAnItemIsADifferentEvent() {
    String itemId = Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT);

    Set<String> eventIds =
        Set.of(
            Ids.eventId(itemId, EventKind.CREATED, 0),
            Ids.eventId(itemId, EventKind.EDITED, 1),
            Ids.eventId(itemId, EventKind.EDITED, 2),
            Ids.eventId(itemId, EventKind.DELETED, 2));

    assertThat(eventIds).hasSize(4);
    assertThat(Ids.eventId(itemId, EventKind.EDITED, 1))
        .isNotEqualTo(Ids.eventId(itemId, EventKind.DELETED, 1));
  }

  @Test
  void anSlaAlertIsOnePerCaseClockAndThreshold() {
    String caseId = CaseEvents.CASE_ID;

    assertThat(Ids.slaAlertId(caseId, SlaAlert.Clock.FIRST_RESPONSE, "75%"))
        .isEqualTo(Ids.slaAlertId(caseId, SlaAlert.Clock.FIRST_RESPONSE, "75%"))
        .isNotEqualTo(Ids.slaAlertId(caseId, SlaAlert.Clock.FIRST_RESPONSE, "target"))
        .isNotEqualTo(Ids.slaAlertId(caseId, SlaAlert.Clock.RESOLUTION, "75%"));
  }

  @Test
  void idsMatchTheSchemaPatterns() {
    String itemId = Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT);

    assertThat(itemId).matches("^itm-[0-9a-f]{32}$");
    assertThat(Ids.eventId(itemId, EventKind.CREATED, 0)).matches("^evt-[0-9a-f]{32}$");
    assertThat(Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT)).matches("^cnv-[0-9a-f]{32}$");
    assertThat(Ids.targetKey(Channel.FACEBOOK, PAGE, COMMENT)).matches("^tgt-[0-9a-f]{32}$");
    assertThat(Ids.slaAlertId("case-1", SlaAlert.Clock.RESOLUTION, "target"))
        .matches("^sla-[0-9a-f]{32}$");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsAMissingAccount(String account) {
    assertThatThrownBy(() -> Ids.itemId(Channel.FACEBOOK, account, COMMENT))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.conversationKey(Channel.FACEBOOK, account, ROOT))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void rejectsAMissingPlatformIdOrThreadRoot(String platformId) {
    assertThatThrownBy(() -> Ids.itemId(Channel.FACEBOOK, PAGE, platformId))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.conversationKey(Channel.FACEBOOK, PAGE, platformId))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.targetKey(Channel.FACEBOOK, PAGE, platformId))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
  }

  @Test
  void rejectsAMissingChannelOrKind() {
    assertThatThrownBy(() -> Ids.itemId(null, PAGE, COMMENT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Ids.eventId("itm-x", null, 0))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void oneConversationIsOneCaseAndOneItemEventIsOneCaseEvent() {
    String conversation = Ids.conversationKey(Channel.FACEBOOK, PAGE, ROOT);
    String caseId = Ids.caseId(conversation);
    assertThat(caseId).matches("cas-[0-9a-f]{32}").isEqualTo(Ids.caseId(conversation));
    assertThat(Ids.caseId(Ids.conversationKey(Channel.FACEBOOK, OTHER_PAGE, ROOT)))
        .isNotEqualTo(caseId);
    String itemEvent =
        Ids.eventId(Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT), EventKind.CREATED, 0);
    assertThat(Ids.caseEventId(caseId, itemEvent))
        .matches("cev-[0-9a-f]{32}")
        .isEqualTo(Ids.caseEventId(caseId, itemEvent))
        .isNotEqualTo(
            Ids.caseEventId(
                caseId,
                Ids.eventId(Ids.itemId(Channel.FACEBOOK, PAGE, COMMENT), EventKind.EDITED, 1)));
  }
}
