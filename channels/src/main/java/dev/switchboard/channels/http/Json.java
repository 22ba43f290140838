package dev.switchboard.channels.http;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads platform JSON into micronaut's {@link JsonNode} tree (no binding, no annotation processing)
 * and writes a node back as text, for the {@code raw} payload kept as evidence.
 */
public final class Json {

  private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

  private Json() {}

  /** The tree of {@code text}, or empty when it is not JSON. */
  public static Optional<JsonNode> parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The tree of {@code bytes}, or empty when they are not JSON. */
  public static Optional<JsonNode> parse(byte[] bytes) {
    try {
      return Optional.ofNullable(MAPPER.readValue(bytes, JsonNode.class));
    } catch (IOException | RuntimeException e) {
      // The parser's message may quote the body, which may hold post text: drop it.
      return Optional.empty();
    }
  }

  /** {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed JSON tree could not be written back", e);
    }
  }

  /**
   * The string at {@code field} of an object node (a number or boolean as its text), or null when
   * missing, null, an object or an array: platform bodies are untrusted, and a container where a
   * scalar belongs is a shape problem for the caller to report, not an exception.
   */
  public static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isObject() || value.isArray()) {
      return null;
    }
    return value.isString() ? value.getStringValue() : value.coerceStringValue();
  }

  /** The object or array at {@code field}, or null. */
  public static JsonNode child(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }
}
