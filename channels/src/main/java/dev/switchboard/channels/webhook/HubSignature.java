package dev.switchboard.channels.webhook;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature-256} scheme used by Meta (Facebook, Instagram), GitHub and the generic
 * webhook: {@code sha256=<hex HMAC-SHA256 of the raw body bytes under the shared secret>}.
 *
 * <p>Always verify over the bytes exactly as received: re-serialising parsed JSON changes them.
 */
public final class HubSignature {

  /** The HTTP header carrying the signature. */
  public static final String HEADER = "X-Hub-Signature-256";

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int HEX_LENGTH = 64;

  private HubSignature() {}

  /** The header value a sender would put on {@code body}: {@code sha256=} and lowercase hex. */
  public static String sign(byte[] secret, byte[] body) {
    return PREFIX + toHex(hmac(secret, body));
  }

  /**
   * Checks {@code header} (the value of {@link #HEADER}, null when absent) against {@code body}.
   * The comparison takes the same time wherever the first differing byte is, so a caller cannot
   * find a valid signature byte by byte. Hex digits are accepted in either case.
   */
  public static SignatureCheck verify(byte[] secret, byte[] body, String header) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    if (header == null || header.isBlank()) {
      return SignatureCheck.MISSING;
    }
    byte[] claimed = parse(header.strip());
    if (claimed == null) {
      return SignatureCheck.MALFORMED;
    }
    return MessageDigest.isEqual(claimed, hmac(secret, body))
        ? SignatureCheck.VALID
        : SignatureCheck.MISMATCH;
  }

  /** The 32 signature bytes of a well-formed header, or null. */
  private static byte[] parse(String header) {
    if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + HEX_LENGTH) {
      return null;
    }
    byte[] bytes = new byte[HEX_LENGTH / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(header.charAt(PREFIX.length() + 2 * i), 16);
      int lo = Character.digit(header.charAt(PREFIX.length() + 2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes[i] = (byte) ((hi << 4) | lo);
    }
    return bytes;
  }

  private static byte[] hmac(byte[] secret, byte[] body) {
    if (secret.length == 0) {
      // An empty key would make every signature computable by anyone.
      throw new IllegalArgumentException("webhook secret is empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has " + ALGORITHM, e);
    }
  }

  private static String toHex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }
}
