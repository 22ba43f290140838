package dev.switchboard.contracts;

/**
 * Topic names (ARCHITECTURE.md, "Topics"). Keys: see each record's Javadoc. Each consumer group has
 * its own dead-letter topic, {@link #deadLetter(String, String)}.
 */
public final class Topics {

  private Topics() {}

  /** {@link ChannelEvent}, keyed by conversation key; produced by ingest. */
  public static final String CHANNEL_EVENTS = "switchboard.channel-events.v1";

  /** {@link ClassifiedEvent}, keyed by conversation key; produced by classify. */
  public static final String CLASSIFIED_EVENTS = "switchboard.classified-events.v1";

  /** {@link ModerationCommand}, keyed by target key; produced by response and moderation. */
  public static final String MODERATION_COMMANDS = "switchboard.moderation-commands.v1";

  /** {@link ModerationOutcome}, keyed by target key; produced by moderation. */
  public static final String MODERATION_OUTCOMES = "switchboard.moderation-outcomes.v1";

  /** {@link CaseEvent}, keyed by case id; produced by response. */
  public static final String CASE_EVENTS = "switchboard.case-events.v1";

  /** {@link SlaAlert}, keyed by case id; produced by response. */
  public static final String SLA_ALERTS = "switchboard.sla-alerts.v1";

  /** Polling cursors, keyed by connector id; compacted; produced and read by ingest. */
  public static final String INGEST_CURSORS = "switchboard.ingest-cursors.v1";

  /** The dead-letter topic of one consumer group on one topic: {@code <topic>.<group>.dlq}. */
  public static String deadLetter(String topic, String group) {
    return topic + "." + group + ".dlq";
  }
}
