package dev.switchboard.eventstreams;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record value into a contracts type, and writes one, with Jackson 3. Done here rather than
 * by the binder's converters so that a value that is not the expected record fails with an {@link
 * UnreadableRecordException} whose reason is safe to log: the Jackson exception type, the field
 * path and the position, never the value's content.
 */
public final class ContractJson {

  private final JsonMapper json;

  /** Uses the application's Jackson 3 mapper. */
  public ContractJson(JsonMapper json) {
    this.json = json;
  }

  /**
   * The record value as a {@code type}; never null.
   *
   * @throws UnreadableRecordException if the value is empty, not JSON, JSON {@code null}, or does
   *     not fit the type
   */
  public <T> T read(byte[] value, Class<T> type) {
    String name = type.getSimpleName();
    if (value == null || value.length == 0) {
      throw new UnreadableRecordException("empty record: expected a JSON " + name);
    }
    T record;
    try {
      record = json.readValue(value, type);
    } catch (JacksonException e) {
      // Not chained, and not Jackson's message: both can quote the record's content.
      throw new UnreadableRecordException(
          "not a JSON " + name + ": " + e.getClass().getSimpleName() + where(e));
    }
    if (record == null) {
      throw new UnreadableRecordException("not a JSON " + name + ": null");
    }
    return record;
  }

  /** The record value of a contracts record. */
  public byte[] write(Object record) {
    return json.writeValueAsBytes(record);
  }

  private static String where(JacksonException e) {
    // Field names come from the contract, never from the record's values, so they are safe to show.
    String path = e.getPath().isEmpty() ? "" : " in " + e.getPathReference();
    TokenStreamLocation location = e.getLocation();
    if (location == null) {
      return path;
    }
    return path + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
