package dev.switchboard.ingest.connectors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The revision of an edit, derived from the edited text: a webhook and a poll that see the same
 * edit give the same revision (and so the same eventId) without sharing state, and every edit to a
 * new text gets a new one. Always at least 1 (0 is the created version). Not monotonic: order
 * revisions by {@code receivedAt}, not by number.
 */
public final class Revisions {

  private Revisions() {}

  /** The revision of the item's version whose cleaned text is {@code text} (null = empty). */
  public static int ofEdit(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      int value =
          ((hash[0] & 0x7f) << 24)
              | ((hash[1] & 0xff) << 16)
              | ((hash[2] & 0xff) << 8)
              | (hash[3] & 0xff);
      return value == 0 ? 1 : value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
