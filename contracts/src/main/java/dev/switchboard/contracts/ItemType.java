package dev.switchboard.contracts;

/** What sort of thing a platform item is. */
public enum ItemType {
  POST,
  COMMENT,
  REPLY,
  REVIEW,
  STORY,
  MENTION,
  PRIVATE_MESSAGE,
  ARTICLE
}
