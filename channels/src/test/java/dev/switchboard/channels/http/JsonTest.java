package dev.switchboard.channels.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  /** Found by GraphWebhookFuzzIT: the serde encoder threw on nested empty arrays (a 500). */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 85, 900})
  void nestedEmptyArraysAreWrittenBack(int depth) {
    String text = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"b\":{}}";
    JsonNode node = Json.parse(text).orElseThrow();

    assertThat(Json.write(node)).isEqualTo(text);
  }

  @Test
  void writesCompactJsonThatReadsBackTheSame() {
    String text =
        "{\"s\":\"q\\\" b\\\\ n\\n t\\t nul\\u0000 é 😀\",\"i\":42,\"l\":12345678901234,"
            + "\"d\":1.5,\"t\":true,\"f\":false,\"z\":null,\"o\":{\"x\":[1,\"2\",{}]}}";
    JsonNode node = Json.parse(text).orElseThrow();

    String written = Json.write(node);

    assertThat(Json.parse(written)).hasValue(node);
    assertThat(written).startsWith("{\"s\":\"q\\\" b\\\\ n\\n t\\t nul\\u0000 é 😀\",\"i\":42");
  }

  @Test
  void anUnpairedSurrogateIsWrittenAsItsEscapeAndFound() {
    JsonNode lone = Json.parse("{\"t\":\"a\\ud800b\"}").orElseThrow();
    JsonNode pair = Json.parse("{\"t\":\"a\\ud83d\\ude00b\"}").orElseThrow();

    assertThat(Json.write(lone)).isEqualTo("{\"t\":\"a\\ud800b\"}");
    assertThat(Json.hasUnpairedSurrogate(lone)).isTrue();
    assertThat(Json.hasUnpairedSurrogate(pair)).isFalse();
  }

  @Test
  void onlyStrictUtf8IsUtf8() {
    assertThat(Json.isUtf8("plain é 😀".getBytes(UTF_8))).isTrue();
    assertThat(Json.isUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0xAF})).isFalse(); // overlong
    assertThat(Json.isUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
    assertThat(Json.isUtf8(new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}))
        .isFalse();
  }
}
