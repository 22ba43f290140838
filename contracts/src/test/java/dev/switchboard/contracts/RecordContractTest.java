package dev.switchboard.contracts;

import static dev.switchboard.contracts.ContractJson.MAPPER;
import static dev.switchboard.contracts.ContractJson.schemaTree;
import static dev.switchboard.contracts.ContractJson.tree;
import static dev.switchboard.contracts.ContractJson.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every record survives Jackson 3 both ways and what Jackson 3 writes obeys the record's schema.
 */
class RecordContractTest {

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(ChannelEvent.class, ChannelEvents.aFacebookComplaint()),
        Arguments.of(ChannelEvent.class, ChannelEvents.aGoogleReview()),
        Arguments.of(ClassifiedEvent.class, ClassifiedEvents.aClassifiedComplaint()),
        Arguments.of(ModerationCommand.class, ModerationCommands.aPolicyHide()),
        Arguments.of(ModerationOutcome.class, ModerationOutcomes.aHideDone()),
        Arguments.of(CaseEvent.class, CaseEvents.aCaseOpened()),
        Arguments.of(SlaAlert.class, SlaAlerts.aFirstResponseWarningAt75Percent()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void roundTripsThroughJackson3(Class<?> type, Object record) {
    Object read = MAPPER.readValue(ContractJson.write(record), type);

    assertThat(read).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void writesJsonThatValidatesAgainstItsSchema(Class<?> type, Object record) {
    assertThat(validate(type, tree(record))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void readsJsonWithUnknownFieldsAtEveryLevel(Class<?> type, Object record) {
    JsonNode json = tree(record);
    addUnknownFieldEverywhere(json, type);

    assertThat(validate(type, json)).as("the schema allows additions").isEmpty();
    assertThat(MAPPER.treeToValue(json, type)).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void failsValidationWithoutAnyOneRequiredField(Class<?> type, Object record) {
    JsonNode written = tree(record);
    List<String> required = new ArrayList<>();
    schemaTree(type).get("required").values().forEach(name -> required.add(name.asString()));
    assertThat(required).isNotEmpty();

    for (String name : required) {
      ObjectNode missingOne = (ObjectNode) written.deepCopy();
      assertThat(missingOne.remove(name)).as("%s is written", name).isNotNull();

      assertThat(validate(type, missingOne))
          .as("%s without %s", type.getSimpleName(), name)
          .isNotEmpty();
    }
  }

  @Test
  void writesInstantsAsIso8601StringsNotNumbers() {
    JsonNode json = tree(ChannelEvents.aFacebookComplaint());

    assertThat(json.get("createdAt").isString()).isTrue();
    assertThat(json.get("createdAt").asString()).isEqualTo("2025-03-14T08:42:07Z");
    assertThat(json.get("receivedAt").asString()).isEqualTo("2025-03-14T08:42:09.318Z");
  }

  @Test
  void leavesOutNullFieldsRatherThanWritingNull() {
    JsonNode json = tree(ChannelEvents.aFacebookComplaint());

    assertThat(json.has("rating")).isFalse();
    assertThat(json.get("author").has("handle")).isFalse();
  }

  private static void addUnknownFieldEverywhere(JsonNode json, Class<?> type) {
    JsonNode schema = schemaTree(type);
    ContractJson.forEachRecordObject(
        json,
        schema,
        schema,
        (object, declared) -> {
          object.put("addedInAFutureVersion", "ignored by readers of this one");
          object.putObject("futureObject").put("nested", 1);
        });
  }
}
