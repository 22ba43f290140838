package dev.switchboard.ingest.connectors.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cursor as stored in the compacted topic: what is written is what is read back. */
class InstagramCursorTest {

  @Test
  void aCursorReadsBackEqualAndEncodesTheSameWhateverTheInsertionOrder() {
    InstagramCursor cursor =
        InstagramCursor.START
            .withMedia("m2", Map.of("c3", "", "c4", "c3"))
            .withMedia("m1", Map.of("c1", ""))
            .withMessages(1_764_000_000L, Set.of("mid.b", "mid.a"));
    InstagramCursor other =
        InstagramCursor.START
            .withMessages(1_764_000_000L, Set.of("mid.a", "mid.b"))
            .withMedia("m1", Map.of("c1", ""))
            .withMedia("m2", Map.of("c4", "c3", "c3", ""));

    assertThat(InstagramCursor.decode(cursor.encode())).contains(cursor);
    assertThat(other.encode()).isEqualTo(cursor.encode());
    assertThat(cursor.commentsOf("m2")).containsEntry("c4", "c3");
    assertThat(cursor.commentsOf("m9")).isEmpty();
    assertThat(cursor.retaining(List.of("m2")).media()).containsOnlyKeys("m2");
  }

  @Test
  void somethingElseInTheTopicStartsAfresh() {
    assertThat(InstagramCursor.decode("not json")).isEmpty();
    assertThat(InstagramCursor.decode("{\"media\":[]}")).isEmpty();
    assertThat(InstagramCursor.decode("{\"media\":{},\"messagesSince\":\"soon\"}")).isEmpty();
    assertThat(InstagramCursor.decode(InstagramCursor.START.encode()))
        .contains(InstagramCursor.START);
  }
}
