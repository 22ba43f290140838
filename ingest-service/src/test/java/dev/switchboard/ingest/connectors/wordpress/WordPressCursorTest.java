package dev.switchboard.ingest.connectors.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cursor as stored in the cursor topic. */
class WordPressCursorTest {

  @Test
  void roundTripsThroughItsStoredForm() {
    WordPressCursor cursor =
        new WordPressCursor(
            Instant.ofEpochSecond(1_764_000_000L),
            Map.of(
                "101", new WordPressCursor.Seen(123456, 1_764_000_100L),
                "99", new WordPressCursor.Seen(1, 1_764_000_050L)));

    String stored = cursor.encode();

    assertThat(stored)
        .isEqualTo(
            "{\"scanFrom\":1764000000,\"seen\":{\"101\":[123456,1764000100],\"99\":[1,1764000050]}}");
    assertThat(WordPressCursor.decode(stored)).contains(cursor);
  }

  @Test
  void aFreshCursorHasNoScanStartAndAnUnreadableOneIsIgnored() {
    WordPressCursor fresh = WordPressCursor.startingAt(null);

    assertThat(WordPressCursor.decode(fresh.encode())).contains(fresh);
    assertThat(WordPressCursor.decode("not json")).isEmpty();
    assertThat(WordPressCursor.decode("{\"seen\":{\"1\":[\"x\"]}}")).isEmpty();
  }
}
