package dev.switchboard.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.Schemas;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contracts read and written by this service's micronaut-serde (the configured bean, as
 * production uses it) agree with the contracts' own examples and with Jackson 3, which the Spring
 * services use: a field that serde names, formats or drops differently would break a consumer.
 */
@MicronautTest(startApplication = false)
class ContractsSerdeTest {

  private static final JsonMapper JACKSON = JsonMapper.builder().build();

  @Inject ObjectMapper serde;

  static Stream<Arguments> examples() {
    return Schemas.RECORDS.stream()
        .flatMap(type -> Schemas.exampleResources(type).stream().map(r -> Arguments.of(type, r)));
  }

  @Test
  void everyContractRecordHasExamples() {
    assertThat(Schemas.RECORDS).hasSize(6);
    for (Class<? extends Record> type : Schemas.RECORDS) {
      assertThat(Schemas.exampleResources(type)).as(type.getSimpleName()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void serdeReadsTheExampleLikeJackson(Class<? extends Record> type, String resource)
      throws IOException {
    byte[] json = read(resource);

    Object viaSerde = serde.readValue(json, type);
    Object viaJackson = JACKSON.readValue(json, type);

    assertThat(viaSerde).isNotNull().isEqualTo(viaJackson);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void serdeRoundTripsTheRecord(Class<? extends Record> type, String resource) throws IOException {
    Object record = serde.readValue(read(resource), type);

    Object again = serde.readValue(serde.writeValueAsBytes(record), type);

    assertThat(again).isEqualTo(record);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void serdeWritesTheSameTreeAsJackson(Class<? extends Record> type, String resource)
      throws IOException {
    Object record = JACKSON.readValue(read(resource), type);

    JsonNode fromSerde = JACKSON.readTree(serde.writeValueAsBytes(record));
    // Parsed back from bytes, not valueToTree: that keeps Java's long/int distinction, which JSON
    // text does not have.
    JsonNode fromJackson = JACKSON.readTree(JACKSON.writeValueAsBytes(record));

    assertThat(fromSerde).isEqualTo(fromJackson);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("examples")
  void serdeWritesTheExampleBackMinusUnknownFields(Class<? extends Record> type, String resource)
      throws IOException {
    byte[] json = read(resource);
    JsonNode example = JACKSON.readTree(json);
    JsonNode written = JACKSON.readTree(serde.writeValueAsBytes(serde.readValue(json, type)));

    // Every field serde writes is in the example with the same value; only unknown fields the
    // examples carry on purpose may be missing from what serde writes.
    List<String> names = written.propertyNames().stream().toList();
    for (String name : names) {
      assertThat(written.get(name)).as(resource + " " + name).isEqualTo(example.get(name));
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = ContractsSerdeTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
