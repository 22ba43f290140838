package dev.switchboard.eventstreams;

import dev.switchboard.contracts.ChannelEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a consumer keys on, checked after {@link ContractJson#read}: collects the missing ones
 * (null, or a blank string) and fails naming them, never their values.
 *
 * <pre>{@code
 * RequiredFields.of(ClassifiedEvent.class)
 *     .requireIdentity(classified.event(), "event.")
 *     .require(classified.priority(), "priority")
 *     .check();
 * }</pre>
 */
public final class RequiredFields {

  private final String type;
  private final List<String> missing = new ArrayList<>();

  private RequiredFields(String type) {
    this.type = type;
  }

  /** Starts the checks of one record of the given type. */
  public static RequiredFields of(Class<?> type) {
    return new RequiredFields(type.getSimpleName());
  }

  /** Notes {@code field} as missing if {@code value} is null or a blank string. */
  public RequiredFields require(Object value, String field) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      missing.add(field);
    }
    return this;
  }

  /**
   * Requires what every consumer keys a channel event on: {@code eventId}, {@code itemId}, {@code
   * conversationKey}, {@code channel}, {@code account} and {@code kind}, each named with the prefix
   * ({@code ""} for a channel event itself, {@code "event."} inside a classified event).
   */
  public RequiredFields requireIdentity(ChannelEvent event, String prefix) {
    return require(event.eventId(), prefix + "eventId")
        .require(event.itemId(), prefix + "itemId")
        .require(event.conversationKey(), prefix + "conversationKey")
        .require(event.channel(), prefix + "channel")
        .require(event.account(), prefix + "account")
        .require(event.kind(), prefix + "kind");
  }

  /**
   * Passes if nothing is missing.
   *
   * @throws UnreadableRecordException naming the missing fields in the order they were required
   */
  public void check() {
    if (!missing.isEmpty()) {
      throw new UnreadableRecordException(type + " lacks required fields " + missing);
    }
  }
}
