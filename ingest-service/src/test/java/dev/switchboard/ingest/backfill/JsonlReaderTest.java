package dev.switchboard.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlReaderTest {

  @Test
  void oneRowPerLineWithLineNumbersSkippingBlankLines() throws IOException {
    List<SourceRow> rows = read("{\"a\":1}\r\n\n  \n{\"b\":2}");

    assertThat(rows).extracting(SourceRow::raw).containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 4L);
  }

  @Test
  void aLineOverTheLimitIsRefusedAndTheNextOneRead() throws IOException {
    List<SourceRow> rows = read("{\"text\":\"" + "x".repeat(500) + "\"}\n{\"b\":2}\n", 100);

    assertThat(rows.get(0).problem().reason()).isEqualTo(RejectReason.ROW_TOO_LONG);
    assertThat(rows.get(0).problem().line()).isEqualTo(1);
    assertThat(rows.get(1).raw()).isEqualTo("{\"b\":2}");
  }

  private static List<SourceRow> read(String jsonl) throws IOException {
    return read(jsonl, 10_000);
  }

  private static List<SourceRow> read(String jsonl, int max) throws IOException {
    JsonlReader reader = new JsonlReader(new StringReader(jsonl), max);
    List<SourceRow> rows = new ArrayList<>();
    for (SourceRow row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    return rows;
  }
}
