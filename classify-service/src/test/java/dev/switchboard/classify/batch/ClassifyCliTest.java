package dev.switchboard.classify.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.Classifiers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassifyCliTest {

  private final ClassifyCli cli = new ClassifyCli(Classifiers.fixture());

  private String[] run(String input, ByteArrayOutputStream err) throws Exception {
    StringWriter out = new StringWriter();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    cli.run(new StringReader(input), out, errors);
    return out.toString().isEmpty() ? new String[0] : out.toString().split("\n");
  }

  @Test
  void writesOneLineOfExactlyTheAgreedShapePerPost() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] lines =
        run(
            "{\"id\": \"p1\", \"channel\": \"x\", \"text\": \"I just want to die\", \"extra\": [1]}\n"
                + "{\"id\": \"p2\", \"channel\": \"x\", \"text\": \"Lovely garden.\"}\n",
            err);

    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .matches(
            "\\{\"id\": \"p1\", \"labels\": \\[\"safeguarding\"(, \"[a-z_]+\")*\\], \"priority\": \"P1\","
                + " \"route\": \"SAFEGUARDING\", \"reasons\": \\[\\{\"label\": \"[a-z_]+\", \"start\":"
                + " \\d+, \"end\": \\d+, \"source\": \"[^\"]+\", \"confidence\": [0-9.]+\\}.*\\]\\}");
    assertThat(lines[0]).contains("\"source\": \"lexicon:self-harm\"");
    assertThat(lines[1])
        .isEqualTo(
            "{\"id\": \"p2\", \"labels\": [], \"priority\": \"P4\", \"route\": \"COMMS\","
                + " \"reasons\": []}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void badLinesAreReportedWithTheirNumberAndSkipped() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] lines =
        run(
            "not json\n"
                + "{\"id\": \"p2\", \"text\": \"thanks\"}\n"
                + "{\"id\": \"p3\"}\n"
                + "{\"id\": \"p4\", \"text\": \"unterminated}\n"
                + "{\"id\": \"p5\", \"text\": \"ok \\\"quoted\\\" \\u00e9\"}\n",
            err);

    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"id\": \"p2\"");
    assertThat(lines[1]).startsWith("{\"id\": \"p5\"");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("line 1: skipped")
        .contains("line 3: skipped")
        .contains("line 4: skipped")
        .doesNotContain("line 2")
        .doesNotContain("line 5");
  }

  @Test
  void escapesIdsInTheOutput() throws Exception {
    String[] lines =
        run("{\"id\": \"a\\\"b\", \"text\": \"hello\"}\n", new ByteArrayOutputStream());
    assertThat(lines[0]).startsWith("{\"id\": \"a\\\"b\", ");
  }
}
