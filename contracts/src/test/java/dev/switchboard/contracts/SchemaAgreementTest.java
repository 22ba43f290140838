package dev.switchboard.contracts;

import static dev.switchboard.contracts.ContractJson.resolve;
import static dev.switchboard.contracts.ContractJson.schemaTree;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * Each schema describes exactly its record: the same property names at every level, types that fit
 * the Java types, and the same enum constants. Adding a component without touching the schema (or
 * the reverse) fails here.
 */
class SchemaAgreementTest {

  static final List<Class<? extends Record>> RECORDS = Schemas.RECORDS;

  @ParameterizedTest(name = "{0}")
  @FieldSource("RECORDS")
  void schemaIsDraft202012AndOpenToAdditions(Class<?> type) {
    JsonNode schema = schemaTree(type);

    assertThat(schema.get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("title").asString()).isEqualTo(type.getSimpleName());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("RECORDS")
  void schemaDescribesExactlyTheRecord(Class<?> type) {
    JsonNode root = schemaTree(type);
    assertRecord(type, root, root, type.getSimpleName());
  }

  @Test
  void classifiedEventEmbedsTheChannelEventSchemaUnchanged() {
    JsonNode channel = schemaTree(ChannelEvent.class);
    JsonNode classified = schemaTree(ClassifiedEvent.class);
    JsonNode embedded = classified.get("$defs").get("ChannelEvent");

    assertThat(embedded.get("properties")).isEqualTo(channel.get("properties"));
    assertThat(embedded.get("required")).isEqualTo(channel.get("required"));
    for (String def : channel.get("$defs").propertyNames()) {
      assertThat(classified.get("$defs").get(def)).as(def).isEqualTo(channel.get("$defs").get(def));
    }
  }

  private static void assertRecord(Class<?> type, JsonNode schema, JsonNode root, String path) {
    assertThat(schema.get("type").asString()).as(path).isEqualTo("object");
    assertThat(schema.get("additionalProperties").asBoolean())
        .as("%s lets readers ignore unknown fields", path)
        .isTrue();
    JsonNode properties = schema.get("properties");
    List<String> components =
        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    assertThat(properties.propertyNames()).as(path).containsExactlyInAnyOrderElementsOf(components);
    for (JsonNode required : schema.get("required").values()) {
      assertThat(components).as("%s required", path).contains(required.asString());
    }
    for (RecordComponent component : type.getRecordComponents()) {
      assertType(
          component.getGenericType(),
          properties.get(component.getName()),
          root,
          path + "." + component.getName());
    }
  }

  private static void assertType(Type javaType, JsonNode property, JsonNode root, String path) {
    if (javaType instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == List.class) {
        assertThat(property.get("type").asString()).as(path).isEqualTo("array");
        assertType(arguments[0], property.get("items"), root, path + "[]");
      } else if (raw == Map.class) {
        assertThat(arguments).as(path).containsExactly(String.class, String.class);
        assertThat(property.get("type").asString()).as(path).isEqualTo("object");
        assertThat(property.get("additionalProperties").get("type").asString())
            .as(path)
            .isEqualTo("string");
      } else {
        throw new AssertionError(path + ": no schema rule for " + javaType);
      }
      return;
    }
    Class<?> type = (Class<?>) javaType;
    if (type.isRecord() || type.isEnum()) {
      String ref = property.path("$ref").asString();
      assertThat(ref)
          .as("%s refers to its $def", path)
          .isEqualTo("#/$defs/" + type.getSimpleName());
      JsonNode def = resolve(property, root);
      if (type.isRecord()) {
        assertRecord(type, def, root, type.getSimpleName());
      } else {
        List<String> constants =
            Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        List<String> listed = def.get("enum").values().stream().map(JsonNode::asString).toList();
        assertThat(listed).as("%s enum", path).containsExactlyElementsOf(constants);
      }
    } else if (type == String.class) {
      assertThat(property.get("type").asString()).as(path).isEqualTo("string");
      assertThat(property.path("format").asString()).as(path).isNotEqualTo("date-time");
    } else if (type == Instant.class) {
      assertThat(property.get("type").asString()).as(path).isEqualTo("string");
      assertThat(property.get("format").asString()).as(path).isEqualTo("date-time");
    } else if (type == int.class || type == Integer.class || type == long.class) {
      assertThat(property.get("type").asString()).as(path).isEqualTo("integer");
    } else if (type == double.class) {
      assertThat(property.get("type").asString()).as(path).isEqualTo("number");
    } else {
      throw new AssertionError(path + ": no schema rule for " + type);
    }
  }
}
