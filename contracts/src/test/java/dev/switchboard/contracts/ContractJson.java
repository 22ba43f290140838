package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Jackson 3 and JSON Schema plumbing shared by the contract tests. */
final class ContractJson {

  private ContractJson() {}

  /**
   * Jackson 3 with its defaults, as a Spring service gets it: the contract must not depend on any
   * mapper setting a consumer might forget.
   */
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  // Draft 2020-12 treats "format" as an annotation only; asserting it is what makes a bad
  // timestamp or URL fail here rather than in a consumer.
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  static String resourceText(String resource) {
    try (InputStream in = ContractJson.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode resourceTree(String resource) {
    return MAPPER.readTree(resourceText(resource));
  }

  static JsonNode schemaTree(Class<?> record) {
    return resourceTree(Schemas.schemaResource(record));
  }

  static Schema schema(Class<?> record) {
    return REGISTRY.getSchema(schemaTree(record));
  }

  static List<Error> validate(Class<?> record, JsonNode json) {
    return schema(record).validate(json);
  }

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /**
   * The JSON a record serializes to, read back as a tree; going through text keeps number nodes
   * comparable with a tree read from a file (a long 1 and a parsed 1 are different node types).
   */
  static JsonNode tree(Object value) {
    return MAPPER.readTree(write(value));
  }

  /**
   * A copy of {@code json} without the properties the schema does not declare, following {@code
   * $ref}s and array items; maps (objects without declared properties) are kept whole.
   */
  static JsonNode withoutUnknownProperties(JsonNode json, JsonNode schemaRoot) {
    JsonNode copy = json.deepCopy();
    forEachRecordObject(
        copy,
        schemaRoot,
        schemaRoot,
        (object, declared) -> object.retain(declared.propertyNames()));
    return copy;
  }

  /**
   * Calls {@code visitor} with every object in {@code json} that stands for a record (its schema
   * declares properties) and those declared properties, parents before children; maps are skipped.
   */
  static void forEachRecordObject(
      JsonNode json, JsonNode schema, JsonNode root, BiConsumer<ObjectNode, JsonNode> visitor) {
    JsonNode resolved = resolve(schema, root);
    if (json.isArray()) {
      for (JsonNode element : json.values()) {
        forEachRecordObject(element, resolved.path("items"), root, visitor);
      }
    } else if (json.isObject() && resolved.has("properties")) {
      JsonNode properties = resolved.get("properties");
      List<String> names = List.copyOf(json.propertyNames());
      visitor.accept((ObjectNode) json, properties);
      for (String name : names) {
        if (properties.has(name) && json.has(name)) {
          forEachRecordObject(json.get(name), properties.get(name), root, visitor);
        }
      }
    }
  }

  /** Follows a local {@code #/$defs/Name} reference; other nodes are returned as they are. */
  static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String prefix = "#/$defs/";
    assertThat(ref.asString()).as("only local $defs references are used").startsWith(prefix);
    JsonNode target = root.path("$defs").path(ref.asString().substring(prefix.length()));
    assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
    return target;
  }
}
