package dev.switchboard.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsPlainRowsWithTheirLineNumbers() throws IOException {
    List<SourceRow> rows = read("a,b,c\n1,2,3\n");

    assertThat(rows)
        .extracting(SourceRow::fields)
        .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L);
    assertThat(rows.get(1).raw()).isEqualTo("1,2,3");
  }

  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
    String csv =
        "id,text\r\n"
            + "1,\"Waited 6 hours, \"\"nobody\"\" came\"\r\n"
            + "2,\"first line\r\nsecond line\nthird\"\r\n"
            + "3,after\r\n";

    List<SourceRow> rows = read(csv);

    assertThat(rows.get(1).fields()).containsExactly("1", "Waited 6 hours, \"nobody\" came");
    assertThat(rows.get(2).fields()).containsExactly("2", "first line\r\nsecond line\nthird");
    // The row's raw text is the file's, quotes and all.
    assertThat(rows.get(2).raw()).isEqualTo("2,\"first line\r\nsecond line\nthird\"");
    // A row spanning three lines pushes the next row's line number on by three.
    assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L, 6L);
  }

  @Test
  void emptyFieldsAndAMissingFinalNewline() throws IOException {
    List<SourceRow> rows = read("a,,\"\"\n,x,");

    assertThat(rows.get(0).fields()).containsExactly("a", "", "");
    assertThat(rows.get(1).fields()).containsExactly("", "x", "");
  }

  @Test
  void blankLinesAreSkippedButCounted() throws IOException {
    List<SourceRow> rows = read("h\n\n1\r\n\r\n2\n");

    assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L, 5L);
  }

  @Test
  void aStrayQuoteIsAMalformedRowAndTheNextRowStillReads() throws IOException {
    List<SourceRow> rows = read("id,text\n1,he said \"hi\"\n2,\"ok\"x\n3,fine\n");

    assertThat(rows.get(1).problem().reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThat(rows.get(1).problem().detail()).contains("quote inside the unquoted field 2");
    assertThat(rows.get(1).problem().line()).isEqualTo(2);
    assertThat(rows.get(2).problem().detail()).contains("after the closing quote of field 2");
    assertThat(rows.get(3).fields()).containsExactly("3", "fine");
    assertThat(rows.get(3).line()).isEqualTo(4);
  }

  @Test
  void anUnclosedQuoteIsReportedWithTheLineItOpenedOn() throws IOException {
    List<SourceRow> rows = read("id,text\n1,ok\n2,\"never closed\n3,more\n");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).problem().reason()).isEqualTo(RejectReason.MALFORMED_CSV);
    assertThat(rows.get(2).problem().detail())
        .isEqualTo("a quoted field opened on line 3 is not closed before the end of the file");
  }

  @Test
  void aRowOverTheLimitIsRefusedWithoutHoldingItAndReadingGoesOn() throws IOException {
    String huge = "x".repeat(5000);
    List<SourceRow> rows = read("id,text\n1,\"" + huge + "\"\n2,short\n", 100);

    assertThat(rows.get(1).problem().reason()).isEqualTo(RejectReason.ROW_TOO_LONG);
    assertThat(rows.get(1).raw()).isNull();
    assertThat(rows.get(2).fields()).containsExactly("2", "short");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] csv = "Comment ID,Message\n1,hi\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + csv.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(csv, 0, file, bom.length, csv.length);

    CsvReader reader = new CsvReader(Utf8Input.open(new ByteArrayInputStream(file)), 1000);

    assertThat(reader.next().fields()).containsExactly("Comment ID", "Message");
  }

  @Test
  void withoutAByteOrderMarkNothingIsLost() throws IOException {
    byte[] file = "ab\n".getBytes(StandardCharsets.UTF_8);

    CsvReader reader = new CsvReader(Utf8Input.open(new ByteArrayInputStream(file)), 1000);

    assertThat(reader.next().fields()).containsExactly("ab");
  }

  private static List<SourceRow> read(String csv) throws IOException {
    return read(csv, 10_000);
  }

  private static List<SourceRow> read(String csv, int maxRowChars) throws IOException {
    CsvReader reader = new CsvReader(new StringReader(csv), maxRowChars);
    List<SourceRow> rows = new ArrayList<>();
    for (SourceRow row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    return rows;
  }
}
