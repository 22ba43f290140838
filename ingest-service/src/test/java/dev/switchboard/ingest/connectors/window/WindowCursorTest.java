package dev.switchboard.ingest.connectors.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cursor as stored in the cursor topic. */
class WindowCursorTest {

  @Test
  void roundTripsThroughItsStoredForm() {
    WindowCursor cursor =
        new WindowCursor(
            Instant.ofEpochSecond(1_764_000_000L),
            Map.of(
                "101", new WindowCursor.Seen(123456, 1_764_000_100L),
                "99", new WindowCursor.Seen(1, 1_764_000_050L)));

    String stored = cursor.encode();

    assertThat(stored)
        .isEqualTo(
            "{\"scanFrom\":1764000000,\"seen\":{\"101\":[123456,1764000100],\"99\":[1,1764000050]}}");
    assertThat(WindowCursor.decode(stored)).contains(cursor);
  }

  @Test
  void aFreshCursorHasNoScanStartAndAnUnreadableOneIsIgnored() {
    WindowCursor fresh = WindowCursor.startingAt(null);

    assertThat(WindowCursor.decode(fresh.encode())).contains(fresh);
    assertThat(WindowCursor.decode("not json")).isEmpty();
    assertThat(WindowCursor.decode("{\"seen\":{\"1\":[\"x\"]}}")).isEmpty();
  }
}
