package dev.switchboard.contracts;

import static dev.switchboard.contracts.ContractJson.MAPPER;
import static dev.switchboard.contracts.ContractJson.resourceTree;
import static dev.switchboard.contracts.ContractJson.schemaTree;
import static dev.switchboard.contracts.ContractJson.tree;
import static dev.switchboard.contracts.ContractJson.validate;
import static dev.switchboard.contracts.ContractJson.withoutUnknownProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The example messages other services test their readers against: each is valid, reads into its
 * record, loses nothing but unknown fields on the way back, and carries ids that {@link Ids} really
 * computes.
 */
class ExamplesTest {

  static final List<Class<? extends Record>> RECORDS = Schemas.RECORDS;

  static Stream<Arguments> examples() {
    return RECORDS.stream()
        .flatMap(
            type ->
                Schemas.exampleResources(type).stream()
                    .map(resource -> Arguments.of(type, resource)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void validatesAgainstItsSchema(Class<?> type, String resource) {
    assertThat(validate(type, resourceTree(resource))).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void readsAndWritesBackEverythingButUnknownFields(Class<?> type, String resource) {
    JsonNode example = resourceTree(resource);

    Object read = MAPPER.treeToValue(example, type);

    assertThat(tree(read)).isEqualTo(withoutUnknownProperties(example, schemaTree(type)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void carriesUnknownFieldsExactlyWhenItsNameSaysSo(Class<?> type, String resource) {
    JsonNode example = resourceTree(resource);
    boolean hasUnknown = !withoutUnknownProperties(example, schemaTree(type)).equals(example);

    assertThat(hasUnknown).isEqualTo(resource.endsWith("-unknown-field.json"));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("RECORDS")
  void everyRecordHasAnExampleWithAnUnknownField(Class<?> type) {
    assertThat(Schemas.exampleResources(type))
        .anyMatch(name -> name.endsWith("-unknown-field.json"));
  }

  @Test
  void channelEventIdsAreWhatIdsComputes() {
    for (ChannelEvent event : allChannelEvents()) {
      String itemId = Ids.itemId(event.channel(), event.account(), event.platformId());
      assertThat(event.itemId()).as(event.platformId()).isEqualTo(itemId);
      assertThat(event.eventId()).isEqualTo(Ids.eventId(itemId, event.kind(), event.revision()));
      assertThat(event.conversationKey())
          .isEqualTo(Ids.conversationKey(event.channel(), event.account(), event.threadRootId()));
    }
  }

  @Test
  void reasonSpansPointIntoTheEventText() {
    for (ClassifiedEvent classified : read(ClassifiedEvent.class)) {
      String text = classified.event().text();
      for (Label label : classified.labels()) {
        for (Reason reason : label.reasons()) {
          if (reason.start() == null) {
            continue;
          }
          assertThat(reason.start()).isBetween(0, text.length());
          assertThat(reason.end()).isBetween(reason.start() + 1, text.length());
          assertThat(text.substring(reason.start(), reason.end()))
              .as("%s span of %s", label.name(), reason.source())
              .isNotBlank()
              .doesNotStartWith(" ")
              .doesNotEndWith(" ");
        }
      }
    }
  }

  @Test
  void moderationCommandKeysAreWhatIdsComputes() {
    for (ModerationCommand command : read(ModerationCommand.class)) {
      String target =
          command.platformItemId() != null ? command.platformItemId() : command.authorPlatformId();
      assertThat(command.targetKey())
          .isEqualTo(Ids.targetKey(command.channel(), command.account(), target));
      if (command.platformItemId() != null) {
        assertThat(command.itemId())
            .isEqualTo(Ids.itemId(command.channel(), command.account(), command.platformItemId()));
      }
    }
  }

  @Test
  void outcomesAnswerTheirCommandsAndEvidenceDigestsAreReal() {
    Map<String, ModerationCommand> commands =
        read(ModerationCommand.class).stream()
            .collect(Collectors.toMap(ModerationCommand::commandId, Function.identity()));
    boolean answeredOne = false;
    for (ModerationOutcome outcome : read(ModerationOutcome.class)) {
      ModerationCommand command = commands.get(outcome.commandId());
      if (command != null) {
        answeredOne = true;
        assertThat(outcome.targetKey()).isEqualTo(command.targetKey());
        assertThat(outcome.itemId()).isEqualTo(command.itemId());
        assertThat(outcome.action()).isEqualTo(command.action());
      }
      Evidence evidence = outcome.evidence();
      if (evidence != null) {
        String digested = evidence.raw() != null ? evidence.raw() : evidence.text();
        assertThat(evidence.sha256()).isEqualTo(ModerationOutcomes.sha256(digested));
      }
    }
    assertThat(answeredOne).as("at least one outcome answers an example command").isTrue();
    assertThat(read(ModerationOutcome.class)).anyMatch(outcome -> outcome.evidence() != null);
  }

  @Test
  void caseEventsFollowAnExampleConversation() {
    List<String> conversations =
        allChannelEvents().stream().map(ChannelEvent::conversationKey).toList();
    List<String> items = allChannelEvents().stream().map(ChannelEvent::itemId).toList();
    for (CaseEvent event : read(CaseEvent.class)) {
      assertThat(conversations).contains(event.conversationKey());
      if (event.itemIds() != null) {
        assertThat(items).containsAll(event.itemIds());
      }
    }
  }

  @Test
  void slaAlertIdsAreWhatIdsComputes() {
    for (SlaAlert alert : read(SlaAlert.class)) {
      assertThat(alert.alertId())
          .isEqualTo(Ids.slaAlertId(alert.caseId(), alert.clock(), alert.threshold()));
      assertThat(alert.raisedAt()).isBeforeOrEqualTo(alert.dueAt());
    }
  }

  private static List<ChannelEvent> allChannelEvents() {
    return Stream.concat(
            read(ChannelEvent.class).stream(),
            read(ClassifiedEvent.class).stream().map(ClassifiedEvent::event))
        .toList();
  }

  private static <T> List<T> read(Class<T> type) {
    return Schemas.exampleResources(type).stream()
        .map(resource -> MAPPER.treeToValue(resourceTree(resource), type))
        .toList();
  }
}
