package dev.switchboard.channels.http;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

  /**
   * {@code node} as compact JSON text. Written here rather than by the serde encoder, which fails
   * on some parsed trees (nested empty arrays: "This child generator has already completed"); an
   * unpaired surrogate is written as its escape and a non-finite number as a string, so the text is
   * always JSON.
   */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull()) {
      out.append("null");
    } else if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> entry : node.entries()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      boolean first = true;
      for (JsonNode value : node.values()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(value, out);
      }
      out.append(']');
    } else if (node.isString()) {
      string(node.getStringValue(), out);
    } else if (node.isBoolean()) {
      out.append(node.getBooleanValue());
    } else if (node.isNumber()) {
      Number number = node.getNumberValue();
      if (number instanceof Double || number instanceof Float) {
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          string(Double.toString(value), out);
        } else {
          out.append(number);
        }
      } else if (number instanceof BigDecimal decimal) {
        out.append(decimal.toString());
      } else {
        out.append(number);
      }
    } else {
      string(node.coerceStringValue(), out);
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean paired =
              Character.isHighSurrogate(c)
                  && i + 1 < value.length()
                  && Character.isLowSurrogate(value.charAt(i + 1));
          if (paired) {
            out.append(c).append(value.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Whether {@code bytes} are well-formed UTF-8: no overlong forms, no encoded surrogates, nothing
   * above U+10FFFF. A lenient decoder (the JSON parser's) lets some of these through, and the text
   * kept would no longer be what was sent.
   */
  public static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Whether a string or a name anywhere in {@code node} holds an unpaired surrogate, which JSON can
   * carry as an escape ({@code "\\ud800"}) but which is not text and cannot be written as UTF-8.
   */
  public static boolean hasUnpairedSurrogate(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isString()) {
      return unpaired(node.getStringValue());
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.entries()) {
        if (unpaired(entry.getKey()) || hasUnpairedSurrogate(entry.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode value : node.values()) {
        if (hasUnpairedSurrogate(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unpaired(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
