package dev.switchboard.contracts;

import static dev.switchboard.contracts.ContractJson.tree;
import static dev.switchboard.contracts.ContractJson.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The schemas reject what a consumer could not safely act on. */
class SchemaRulesTest {

  @Test
  void rejectsAnItemIdThatIsNotAnIdsDigest() {
    assertInvalid(
        ChannelEvent.class,
        tree(ChannelEvents.aFacebookComplaint()),
        json -> object(json).put("itemId", "1923456789012345"));
  }

  @Test
  void rejectsATimestampThatIsNotRfc3339() {
    assertInvalid(
        ChannelEvent.class,
        tree(ChannelEvents.aFacebookComplaint()),
        json -> object(json).put("createdAt", "14/03/2025 08:42"));
  }

  @Test
  void rejectsATimestampWrittenAsANumber() {
    assertInvalid(
        SlaAlert.class,
        tree(SlaAlerts.aFirstResponseWarningAt75Percent()),
        json -> object(json).put("dueAt", 1741956130104L));
  }

  @Test
  void rejectsAnEnumValueNoReaderKnows() {
    assertInvalid(
        ChannelEvent.class,
        tree(ChannelEvents.aFacebookComplaint()),
        json -> object(json).put("channel", "MYSPACE"));
  }

  @Test
  void rejectsConfidenceAboveOne() {
    assertInvalid(
        ClassifiedEvent.class,
        tree(ClassifiedEvents.aClassifiedComplaint()),
        json -> object(json.get("labels").get(0)).put("confidence", 1.2));
  }

  @Test
  void rejectsANegativeSpanOffset() {
    assertInvalid(
        ClassifiedEvent.class,
        tree(ClassifiedEvents.aClassifiedComplaint()),
        json -> object(json.get("labels").get(0).get("reasons").get(0)).put("start", -1));
  }

  @Test
  void rejectsASpanWithAStartButNoEnd() {
    assertInvalid(
        ClassifiedEvent.class,
        tree(ClassifiedEvents.aClassifiedComplaint()),
        json -> object(json.get("labels").get(0).get("reasons").get(0)).remove("end"));
  }

  @Test
  void rejectsARequiredFieldMissingFromANestedRecord() {
    assertInvalid(
        ModerationCommand.class,
        tree(ModerationCommands.aPolicyHide()),
        json -> object(json.get("requestedBy")).remove("type"));
  }

  @Test
  void rejectsEvidenceWithNeitherRawNorText() {
    assertInvalid(
        ModerationOutcome.class,
        tree(ModerationOutcomes.aHideDone()),
        json -> {
          object(json.get("evidence")).remove("raw");
          object(json.get("evidence")).remove("text");
        });
  }

  @Test
  void rejectsADigestThatIsNotHexSha256() {
    assertInvalid(
        ModerationOutcome.class,
        tree(ModerationOutcomes.aHideDone()),
        json -> object(json.get("evidence")).put("sha256", "not-a-digest"));
  }

  @Test
  void rejectsAnEmptyAccount() {
    assertInvalid(
        ModerationCommand.class,
        tree(ModerationCommands.aPolicyHide()),
        json -> object(json).put("account", ""));
  }

  private static void assertInvalid(Class<?> type, JsonNode valid, Consumer<JsonNode> breakIt) {
    assertThat(validate(type, valid)).as("the unbroken message is valid").isEmpty();
    breakIt.accept(valid);
    assertThat(validate(type, valid)).isNotEmpty();
  }

  private static ObjectNode object(JsonNode node) {
    return (ObjectNode) node;
  }
}
