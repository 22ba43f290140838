package dev.switchboard.classify.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and string escaper for one JSONL line, so the batch jar needs no JSON
 * library and starts in milliseconds. Objects become maps, arrays lists, numbers doubles.
 */
final class JsonLine {

  private final String s;
  private int i;

  private JsonLine(String s) {
    this.s = s;
  }

  /** Parses one JSON object; {@link IllegalArgumentException} says what is wrong and where. */
  static Map<String, Object> object(String line) {
    JsonLine p = new JsonLine(line);
    p.space();
    Object v = p.value();
    p.space();
    if (p.i != line.length()) {
      throw p.error("text after the JSON value");
    }
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) v;
    return map;
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return obj();
      case '[':
        return arr();
      case '"':
        return str();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return num();
    }
  }

  private Map<String, Object> obj() {
    Map<String, Object> out = new LinkedHashMap<>();
    i++;
    space();
    if (peek('}')) {
      i++;
      return out;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a field name");
      }
      String key = str();
      space();
      expect(':');
      space();
      out.put(key, value());
      space();
      if (peek(',')) {
        i++;
      } else if (peek('}')) {
        i++;
        return out;
      } else {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> arr() {
    List<Object> out = new ArrayList<>();
    i++;
    space();
    if (peek(']')) {
      i++;
      return out;
    }
    while (true) {
      space();
      out.add(value());
      space();
      if (peek(',')) {
        i++;
      } else if (peek(']')) {
        i++;
        return out;
      } else {
        throw error("expected , or ]");
      }
    }
  }

  private String str() {
    i++;
    StringBuilder out = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (i >= s.length()) {
          break;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'r':
            out.append('\r');
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'u':
            if (i + 4 > s.length()) {
              throw error("bad \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            i += 4;
            break;
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          default:
            throw error("bad escape");
        }
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected character");
    }
    i += word.length();
    return v;
  }

  private Double num() {
    int from = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (from == i) {
      throw error("unexpected character");
    }
    try {
      return Double.valueOf(s.substring(from, i));
    } catch (NumberFormatException e) {
      throw error("bad number");
    }
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private boolean peek(char c) {
    return i < s.length() && s.charAt(i) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected " + c);
    }
    i++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at column " + (i + 1));
  }

  /** Appends {@code v} as a JSON string literal. */
  static void quote(StringBuilder out, String v) {
    out.append('"');
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
