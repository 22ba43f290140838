package dev.switchboard.ingest.backfill;

import java.util.HashSet;
import java.util.Set;

/**
 * The event ids seen so far in one file, to count duplicates. An event id is 128 bits of hex, kept
 * as two longs in an open-addressing table (about 40 bytes per distinct row instead of ~120 for a
 * set of strings), so a file of millions of rows stays within a modest heap.
 */
final class EventIdSet {

  private long[] table = new long[2 * 1024];
  private boolean[] used = new boolean[1024];
  private int size;
  // Ids not in the evt-<32 hex> form (never from Ids, but the set must stay correct regardless).
  private final Set<String> others = new HashSet<>();

  /** Adds {@code eventId}; false when it was already there. */
  boolean add(String eventId) {
    if (eventId.length() != 36 || !eventId.startsWith("evt-")) {
      return others.add(eventId);
    }
    long high;
    long low;
    try {
      high = Long.parseUnsignedLong(eventId, 4, 20, 16);
      low = Long.parseUnsignedLong(eventId, 20, 36, 16);
    } catch (NumberFormatException e) {
      return others.add(eventId);
    }
    if ((size + 1) * 10L > used.length * 6L) {
      grow();
    }
    return insert(table, used, high, low);
  }

  private boolean insert(long[] keys, boolean[] taken, long high, long low) {
    int mask = taken.length - 1;
    int slot = (int) (low ^ (low >>> 32)) & mask;
    while (taken[slot]) {
      if (keys[2 * slot] == high && keys[2 * slot + 1] == low) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    taken[slot] = true;
    keys[2 * slot] = high;
    keys[2 * slot + 1] = low;
    if (keys == table) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] keys = new long[table.length * 2];
    boolean[] taken = new boolean[used.length * 2];
    for (int i = 0; i < used.length; i++) {
      if (used[i]) {
        insert(keys, taken, table[2 * i], table[2 * i + 1]);
      }
    }
    table = keys;
    used = taken;
  }
}
