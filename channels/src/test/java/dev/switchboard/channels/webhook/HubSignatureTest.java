package dev.switchboard.channels.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

  // Vectors computed once with `printf '<body>' | openssl dgst -sha256 -hmac '<secret>'`, an
  // implementation independent of the JDK's. The first is also GitHub's documented example.
  private static final byte[] GITHUB_SECRET = "It's a Secret to Everybody".getBytes(UTF_8);
  private static final byte[] GITHUB_BODY = "Hello, World!".getBytes(UTF_8);
  private static final String GITHUB_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private static final byte[] JSON_SECRET = "s3cret".getBytes(UTF_8);
  // Non-ASCII text: the signature covers the UTF-8 bytes, not the characters.
  private static final byte[] JSON_BODY =
      "{\"platformId\":\"p-1\",\"text\":\"café\"}".getBytes(UTF_8);
  private static final String JSON_SIGNATURE =
      "sha256=5a58e38a2fff1c629c8e969296554864a711caf97a035415cc49ea0a1054ef65";

  private static final String EMPTY_BODY_SIGNATURE =
      "sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0";

  @Test
  void signsLikeOpenssl() {
    assertThat(HubSignature.sign(GITHUB_SECRET, GITHUB_BODY)).isEqualTo(GITHUB_SIGNATURE);
    assertThat(HubSignature.sign(JSON_SECRET, JSON_BODY)).isEqualTo(JSON_SIGNATURE);
    assertThat(HubSignature.sign("key".getBytes(UTF_8), new byte[0]))
        .isEqualTo(EMPTY_BODY_SIGNATURE);
  }

  @Test
  void acceptsTheOpensslSignatures() {
    assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE))
        .isEqualTo(SignatureCheck.VALID);
    assertThat(HubSignature.verify(JSON_SECRET, JSON_BODY, JSON_SIGNATURE))
        .isEqualTo(SignatureCheck.VALID);
  }

  @Test
  void acceptsUpperCaseHexAndSurroundingWhitespace() {
    String upper = "sha256=" + GITHUB_SIGNATURE.substring(7).toUpperCase(Locale.ROOT);
    assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, " " + upper + " ").valid()).isTrue();
  }

  @Test
  void rejectsAMissingHeader() {
    assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, null))
        .isEqualTo(SignatureCheck.MISSING);
    assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, "  "))
        .isEqualTo(SignatureCheck.MISSING);
  }

  @Test
  void rejectsMalformedHeaders() {
    String hex = GITHUB_SIGNATURE.substring(7);
    for (String header :
        new String[] {
          hex, // no prefix
          "sha1=" + hex,
          "SHA256=" + hex,
          "sha256=" + hex.substring(1), // 63 digits
          "sha256=" + hex + "0", // 65 digits
          "sha256=" + hex.substring(1) + "g", // not hex
          "sha256=",
        }) {
      assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, header))
          .as(header)
          .isEqualTo(SignatureCheck.MALFORMED);
    }
  }

  @Test
  void rejectsAChangedBodyOrTheWrongSecret() {
    assertThat(
            HubSignature.verify(GITHUB_SECRET, "Hello, World?".getBytes(UTF_8), GITHUB_SIGNATURE))
        .isEqualTo(SignatureCheck.MISMATCH);
    assertThat(HubSignature.verify(JSON_SECRET, GITHUB_BODY, GITHUB_SIGNATURE))
        .isEqualTo(SignatureCheck.MISMATCH);
    String lastDigitFlipped =
        GITHUB_SIGNATURE.substring(0, GITHUB_SIGNATURE.length() - 1)
            + (GITHUB_SIGNATURE.endsWith("7") ? "8" : "7");
    assertThat(HubSignature.verify(GITHUB_SECRET, GITHUB_BODY, lastDigitFlipped))
        .isEqualTo(SignatureCheck.MISMATCH);
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> HubSignature.sign(new byte[0], GITHUB_BODY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HubSignature.verify(new byte[0], GITHUB_BODY, GITHUB_SIGNATURE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
