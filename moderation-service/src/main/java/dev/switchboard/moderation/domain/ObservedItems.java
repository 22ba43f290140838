package dev.switchboard.moderation.domain;

import java.util.List;

/** Where observed items are kept; the persistence adapter implements it. */
public interface ObservedItems {

  /**
   * Stores the item unless one with the same event id is already there.
   *
   * @return true if stored now, false if it had been recorded before (a redelivery)
   */
  boolean addIfAbsent(ObservedItem item);

  /** All items of one conversation, oldest recorded first. */
  List<ObservedItem> inConversation(String conversationKey);
}
