package dev.switchboard.contracts;

/**
 * Every moderation action any channel supports; which ones a channel supports is the moderation
 * service's capability table.
 */
public enum ModerationAction {
  HIDE,
  UNHIDE,
  DELETE,
  BAN_AUTHOR,
  UNBAN_AUTHOR,
  MUTE_AUTHOR,
  UNMUTE_AUTHOR,
  BLOCK_AUTHOR,
  UNBLOCK_AUTHOR,
  HOLD_FOR_REVIEW,
  PUBLISH,
  REJECT,
  REJECT_AND_BAN,
  APPROVE,
  MARK_SPAM,
  TRASH,
  REMOVE_CONTENT;

  /** Whether the action removes content or cuts an author off, so evidence must come first. */
  public boolean destructive() {
    return switch (this) {
      case HIDE,
          DELETE,
          BAN_AUTHOR,
          MUTE_AUTHOR,
          BLOCK_AUTHOR,
          HOLD_FOR_REVIEW,
          REJECT,
          REJECT_AND_BAN,
          MARK_SPAM,
          TRASH,
          REMOVE_CONTENT ->
          true;
      default -> false;
    };
  }
}
