package dev.switchboard.response.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic case identities, built like {@code dev.switchboard.contracts.Ids}: the same
 * conversation always maps to the same case, and the same item event always yields the same case
 * event, so a redelivered record can never open a second case or publish a second event.
 */
public final class CaseIds {

  private CaseIds() {}

  /** One case per conversation. */
  public static String caseId(String conversationKey) {
    return "cas-" + digest(conversationKey);
  }

  /** The case event that one item event caused on one case. */
  public static String caseEventId(String caseId, String itemEventId) {
    return "cev-" + digest(caseId, itemEventId);
  }

  private static String digest(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (String part : parts) {
      if (part == null || part.isEmpty()) {
        throw new IllegalArgumentException("an id part is null or empty");
      }
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      // A separator so that no two different part lists collide by concatenation.
      sha.update((byte) 0);
    }
    byte[] hash = sha.digest();
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return hex.toString();
  }
}
