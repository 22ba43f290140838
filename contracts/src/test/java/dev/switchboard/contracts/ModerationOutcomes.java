package dev.switchboard.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** What the moderation service reports back. */
final class ModerationOutcomes {

  private ModerationOutcomes() {}

  /** The policy hide done on the first call, with the comment captured just before. */
  static ModerationOutcome aHideDone() {
    ModerationCommand hide = ModerationCommands.aPolicyHide();
    String text = "Whoever runs this page is a useless waste of space.";
    String raw = "{\"id\":\"" + hide.platformItemId() + "\",\"message\":\"" + text + "\"}";
    return new ModerationOutcome(
        hide.commandId(),
        hide.targetKey(),
        hide.channel(),
        hide.account(),
        hide.action(),
        hide.itemId(),
        null,
        ModerationOutcome.Status.DONE,
        null,
        1,
        new Evidence(
            Instant.parse("2025-03-14T09:15:31.912Z"),
            text,
            Map.of("authorId", ModerationCommands.ABUSIVE_AUTHOR, "isHidden", "false"),
            raw,
            sha256(raw)),
        Instant.parse("2025-03-14T09:15:32.480Z"));
  }

  static String sha256(String raw) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
