package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ContractJsonTest {

  private static final String SECRET = "Nurse Smith on ward 7 hurt my mum";
  private static final String EXAMPLES = Schemas.EXAMPLES_FOLDER + "channel-event/";

  private final ContractJson json = new ContractJson(JsonMapper.builder().build());

  @Test
  void readsTheContractsExampleAndWhatItWrote() throws IOException {
    ChannelEvent event = json.read(example("facebook-comment-complaint.json"), ChannelEvent.class);

    assertThat(event.kind()).isEqualTo(EventKind.CREATED);
    assertThat(json.read(json.write(event), ChannelEvent.class)).isEqualTo(event);
  }

  @Test
  void ignoresFieldsAddedLater() throws IOException {
    assertThat(
            json.read(example("facebook-comment-edited-unknown-field.json"), ChannelEvent.class)
                .kind())
        .isEqualTo(EventKind.EDITED);
  }

  @Test
  void anEmptyValueNamesTheExpectedType() {
    assertThatThrownBy(() -> json.read(new byte[0], ChannelEvent.class))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("empty record: expected a JSON ChannelEvent");
    assertThatThrownBy(() -> json.read(null, ChannelEvent.class))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("empty record: expected a JSON ChannelEvent");
  }

  @Test
  void jsonNullIsUnreadable() {
    assertThatThrownBy(() -> json.read(bytes("null"), ChannelEvent.class))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage("not a JSON ChannelEvent: null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        SECRET,
        "{\"text\":\"" + SECRET,
        "{\"text\":\"" + SECRET + "\",\"revision\":\"" + SECRET + "\"}",
        "{\"text\":\"x\",\"kind\":\"" + SECRET + "\"}",
        "[\"" + SECRET + "\"]",
        "\"" + SECRET + "\""
      })
  void theReasonNeverQuotesTheRecord(String value) {
    assertThatThrownBy(() -> json.read(bytes(value), ChannelEvent.class))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("not a JSON ChannelEvent: ")
        .hasNoCause()
        .message()
        .doesNotContain("Nurse")
        .doesNotContain("Smith")
        .doesNotContain("mum");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFieldPathAndPosition() throws IOException {
    String wrongKind =
        new String(example("facebook-comment-complaint.json"), StandardCharsets.UTF_8)
            .replace("\"kind\": \"CREATED\"", "\"kind\": \"secret\"");

    assertThatThrownBy(() -> json.read(bytes(wrongKind), ChannelEvent.class))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("ChannelEvent[\"kind\"]")
        .hasMessageContaining(" at line 8, column ")
        .message()
        .doesNotContain("secret")
        .doesNotContain("disgraceful");
  }

  private static byte[] example(String name) throws IOException {
    try (InputStream in =
        ContractJsonTest.class.getClassLoader().getResourceAsStream(EXAMPLES + name)) {
      assertThat(in).as(EXAMPLES + name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
