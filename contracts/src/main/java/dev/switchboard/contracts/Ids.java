package dev.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Deterministic identities (ARCHITECTURE.md, "Event contracts"). The same platform item arriving
 * twice, by webhook retry or by a poll overlapping a webhook, gets the same ids, so it is one item
 * downstream. Platform ids are only unique within one account, so the account is always part of the
 * identity. Each id is a prefix plus the first 128 bits of a SHA-256 over the parts, separated by a
 * NUL so that no two different part lists can collide by concatenation.
 */
public final class Ids {

  private Ids() {}

  /** The item's identity: channel + account + platform id. */
  public static String itemId(Channel channel, String account, String platformId) {
    return "itm-" + digest(channel.name(), account, platformId);
  }

  /** One event of an item: item id + kind + revision. */
  public static String eventId(String itemId, EventKind kind, int revision) {
    return "evt-" + digest(itemId, kind.name(), Integer.toString(revision));
  }

  /**
   * The conversation (thread) an item belongs to: channel + account + thread root id. Kafka key of
   * channel and classified events, so a conversation stays in order on one partition.
   */
  public static String conversationKey(Channel channel, String account, String threadRootId) {
    return "cnv-" + digest(channel.name(), account, threadRootId);
  }

  /**
   * Key of moderation commands and outcomes: channel + account + the platform id of the post or
   * author acted on, so every action on one target stays in order.
   */
  public static String targetKey(Channel channel, String account, String platformTargetId) {
    return "tgt-" + digest(channel.name(), account, platformTargetId);
  }

  /**
   * One case per conversation: a redelivered or replayed event can never open a second case, and
   * every service can name the case of a conversation without asking the response service.
   */
  public static String caseId(String conversationKey) {
    return "cas-" + digest(conversationKey);
  }

  /** The case event that one item event caused on one case, so it is published once. */
  public static String caseEventId(String caseId, String itemEventId) {
    return "cev-" + digest(caseId, itemEventId);
  }

  /** One alert per case, clock and threshold. */
  public static String slaAlertId(String caseId, SlaAlert.Clock clock, String threshold) {
    return "sla-" + digest(caseId, clock.name(), threshold);
  }

  private static String digest(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (String part : parts) {
      Objects.requireNonNull(part, "an id part is null");
      if (part.isEmpty()) {
        throw new IllegalArgumentException("an id part is empty");
      }
      sha.update(part.getBytes(StandardCharsets.UTF_8));
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
