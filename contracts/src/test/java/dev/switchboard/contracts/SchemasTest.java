package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The resource index other services use to find the schemas and examples, in a jar or not. */
class SchemasTest {

  static final List<Class<? extends Record>> RECORDS = Schemas.RECORDS;

  @Test
  void namesFollowTheCloudEventsType() {
    assertThat(Schemas.schemaResource(ChannelEvent.class))
        .isEqualTo("dev/switchboard/contracts/schemas/channel-event.schema.json");
    assertThat(ChannelEvent.CE_TYPE).contains(Schemas.name(ChannelEvent.class));
    assertThat(ClassifiedEvent.CE_TYPE).contains(Schemas.name(ClassifiedEvent.class));
    assertThat(ModerationCommand.CE_TYPE).contains(Schemas.name(ModerationCommand.class));
    assertThat(ModerationOutcome.CE_TYPE).contains(Schemas.name(ModerationOutcome.class));
    assertThat(CaseEvent.CE_TYPE).contains(Schemas.name(CaseEvent.class));
    assertThat(SlaAlert.CE_TYPE).contains(Schemas.name(SlaAlert.class));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("RECORDS")
  void schemaAndExamplesAreOnTheClasspath(Class<?> type) {
    ClassLoader loader = getClass().getClassLoader();

    assertThat(loader.getResource(Schemas.schemaResource(type))).isNotNull();
    assertThat(Schemas.exampleResources(type))
        .isNotEmpty()
        .allSatisfy(resource -> assertThat(loader.getResource(resource)).as(resource).isNotNull());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("RECORDS")
  void indexListsEveryExampleInItsFolder(Class<?> type) throws IOException, URISyntaxException {
    String folder = Schemas.EXAMPLES_FOLDER + Schemas.name(type);
    URL url = getClass().getClassLoader().getResource(folder);
    assertThat(url).isNotNull();
    List<String> files;
    try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
      files =
          listing
              .map(path -> folder + "/" + path.getFileName())
              .filter(name -> name.endsWith(".json"))
              .toList();
    }

    assertThat(Schemas.exampleResources(type)).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void refusesATypeThatIsNotATopLevelRecord() {
    assertThatThrownBy(() -> Schemas.schemaResource(Label.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Label");
  }
}
