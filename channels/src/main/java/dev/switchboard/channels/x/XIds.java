package dev.switchboard.channels.x;

/**
 * X ids are 64-bit "snowflakes" written as decimal strings: a larger id is a later post or event,
 * which is what {@code since_id} relies on.
 */
public final class XIds {

  private XIds() {}

  /** Whether {@code id} is a decimal id X could have given. */
  public static boolean valid(String id) {
    if (id == null || id.isEmpty() || id.length() > 19) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Compares two valid ids by time: negative when {@code a} is older than {@code b}. */
  public static int compare(String a, String b) {
    return Long.compare(Long.parseLong(a), Long.parseLong(b));
  }

  /** The newer of two ids, either of which may be null. */
  public static String newer(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compare(a, b) >= 0 ? a : b;
  }
}
