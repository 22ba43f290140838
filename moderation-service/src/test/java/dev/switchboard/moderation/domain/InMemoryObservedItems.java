package dev.switchboard.moderation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A map-backed {@link ObservedItems} with the same once-per-event-id rule as the table. */
public final class InMemoryObservedItems implements ObservedItems {

  private final Map<String, ObservedItem> byEventId = new LinkedHashMap<>();

  @Override
  public synchronized boolean addIfAbsent(ObservedItem item) {
    return byEventId.putIfAbsent(item.eventId(), item) == null;
  }

  @Override
  public synchronized List<ObservedItem> inConversation(String conversationKey) {
    List<ObservedItem> items = new ArrayList<>();
    for (ObservedItem item : byEventId.values()) {
      if (item.conversationKey().equals(conversationKey)) {
        items.add(item);
      }
    }
    items.sort(Comparator.comparing(ObservedItem::recordedAt));
    return items;
  }
}
