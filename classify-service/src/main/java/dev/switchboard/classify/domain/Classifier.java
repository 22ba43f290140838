package dev.switchboard.classify.domain;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;

/**
 * Gives a channel event its labels, priority and route. Plain Java: implementations never see
 * Kafka, Spring or JSON, so they are tested with a direct call.
 */
public interface Classifier {

  /** Classifies one event; a deleted event comes back with no labels. */
  ClassifiedEvent classify(ChannelEvent event);
}
