package dev.switchboard.ingest.backfill;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.ingest.webhook.GenericPost;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackfillImportTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final String PAGE = "trust-page";

  private RecordingSink sink = new RecordingSink();

  @Test
  void aFacebookCommentsExportBecomesImportedFacebookEvents() throws Exception {
    BackfillReport report = csv(Exports.facebookComments(), "facebook-comments");

    assertThat(report.status()).isEqualTo(BackfillReport.Status.COMPLETE);
    assertThat(report.rowsRead()).isEqualTo(3);
    assertThat(report.published()).isEqualTo(3);
    assertThat(report.clean()).isTrue();

    ChannelEvent comment = sink.published.get(0);
    String itemId = Ids.itemId(Channel.FACEBOOK, PAGE, "111_201");
    assertThat(comment.itemId()).isEqualTo(itemId);
    assertThat(comment.eventId()).isEqualTo(Ids.eventId(itemId, EventKind.CREATED, 0));
    assertThat(comment.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.FACEBOOK, PAGE, "111"));
    assertThat(comment.channel()).isEqualTo(Channel.FACEBOOK);
    assertThat(comment.source()).isEqualTo(IngestSource.IMPORT);
    assertThat(comment.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(comment.parentId()).isEqualTo("111");
    assertThat(comment.author()).isEqualTo(new Author(null, "Pat Example", null, null));
    assertThat(comment.text()).isEqualTo("Waited 6 hours in A&E, nobody told us anything.");
    assertThat(comment.createdAt()).isEqualTo(Instant.parse("2026-11-20T09:58:00Z"));
    assertThat(comment.receivedAt()).isEqualTo(NOW);
    assertThat(comment.url()).isEqualTo("https://www.facebook.com/111/posts/1?comment_id=201");
    assertThat(comment.raw()).isEqualTo(Exports.facebookComments().split("\n")[1]);

    ChannelEvent reply = sink.published.get(1);
    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo("111_201");
    assertThat(reply.threadRootId()).isEqualTo("111");
    assertThat(reply.conversationKey()).isEqualTo(comment.conversationKey());
    assertThat(reply.text()).isEqualTo("Sorry to hear this – please message us.");

    assertThat(sink.published.get(2).text()).isEqualTo("Thank you ward 7,\nyou were brilliant");
  }

  @Test
  void aGenericCsvRowGetsTheIdsTheWebhookGivesTheSamePost() throws Exception {
    csvFor(Channel.GENERIC, "acme-trust", Exports.genericCsv(), null);

    GenericPost sameAsWebhook =
        new GenericPost(
            null,
            "g-2",
            "g-1",
            "g-1",
            "created",
            0,
            "reply",
            new GenericPost.GenericAuthor("u-2", "Sam", null, null),
            "A reply",
            null,
            "2026-11-20T09:05:00+01:00",
            "public",
            null,
            null,
            null);
    ChannelEvent viaWebhook =
        new GenericPostMapper(20_000).toChannelEvent("acme-trust", sameAsWebhook, "{}", NOW);
    ChannelEvent viaImport = sink.published.get(1);
    assertThat(viaImport.eventId()).isEqualTo(viaWebhook.eventId());
    assertThat(viaImport.itemId()).isEqualTo(viaWebhook.itemId());
    assertThat(viaImport.conversationKey()).isEqualTo(viaWebhook.conversationKey());
    assertThat(viaImport.createdAt()).isEqualTo(Instant.parse("2026-11-20T08:05:00Z"));

    // The edit is a new event of the same item.
    ChannelEvent edit = sink.published.get(2);
    assertThat(edit.itemId()).isEqualTo(sink.published.get(0).itemId());
    assertThat(edit.kind()).isEqualTo(EventKind.EDITED);
    assertThat(edit.eventId()).isNotEqualTo(sink.published.get(0).eventId());
  }

  @Test
  void importingTheSameFileTwiceGivesTheSameEventIds() throws Exception {
    csv(Exports.facebookComments(), "facebook-comments");
    RecordingSink first = sink;
    sink = new RecordingSink();
    csv(Exports.facebookComments(), "facebook-comments");

    assertThat(sink.published)
        .extracting(ChannelEvent::eventId)
        .containsExactlyElementsOf(first.published.stream().map(ChannelEvent::eventId).toList());
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndReasonWhileGoodRowsGoThrough() throws Exception {
    String file =
        Exports.FACEBOOK_HEADER
            + "c1,111,,Pat,fine,2026-11-20T09:58:00+0000,\n" // line 2
            + ",111,,Pat,no id,2026-11-20T09:58:00+0000,\n" // line 3
            + "c3,111,,Pat,secret text,yesterday,\n" // line 4
            + "c4,111,,Pat,ragged\n" // line 5
            + "c5,111,,Pat,\""
            + "x".repeat(101)
            + "\",2026-11-20T09:58:00+0000,\n" // line 6
            + "c6,111,,Pat,\"multi\nline\",2026-11-20T09:58:00Z,not a url\n" // lines 7-8
            + "c7,111,,Pat,bad \"inner\" words,2026-11-20T09:58:00+0000,\n" // line 9
            + "c8,111,,Pat,fine too,2026-11-20T09:58:00+0000,\n"; // line 10

    BackfillReport report = csv(file, "facebook-comments");

    assertThat(report.rowsRead()).isEqualTo(8);
    assertThat(report.published()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(6);
    assertThat(report.status()).isEqualTo(BackfillReport.Status.COMPLETE);
    assertThat(report.clean()).isFalse();
    assertThat(report.rejections())
        .extracting(Rejection::line, Rejection::reason, Rejection::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, RejectReason.MISSING_VALUE, "Comment ID"),
            org.assertj.core.groups.Tuple.tuple(4L, RejectReason.BAD_DATE, "Created Time"),
            org.assertj.core.groups.Tuple.tuple(5L, RejectReason.MALFORMED_CSV, null),
            org.assertj.core.groups.Tuple.tuple(6L, RejectReason.TEXT_TOO_LONG, "Message"),
            org.assertj.core.groups.Tuple.tuple(7L, RejectReason.INVALID_VALUE, "Permalink"),
            org.assertj.core.groups.Tuple.tuple(9L, RejectReason.MALFORMED_CSV, null));
    assertThat(report.rejections().get(2).detail())
        .isEqualTo("the row has 5 fields; the header has 7");
    assertThat(report.rejections().get(3).detail())
        .isEqualTo("column Message: text is longer than 100 characters");
    // Never the row's content: not the text, not the author, not the bad value.
    assertThat(report.rejections())
        .allSatisfy(
            r ->
                assertThat(r.detail())
                    .doesNotContain("secret text", "Pat", "yesterday", "not a url", "inner"));
    assertThat(sink.published).extracting(ChannelEvent::platformId).containsExactly("c1", "c8");
  }

  @Test
  void aMissingColumnStopsTheImportBeforeAnythingIsPublished() {
    String file = "Comment ID,Post ID,Author\nc1,111,Pat\n";

    assertThatThrownBy(() -> csv(file, "facebook-comments"))
        .isInstanceOf(InvalidImportException.class)
        .hasMessage(
            "The header row lacks the columns Message, Created Time required by mapping"
                + " facebook-comments (docs/backfill.md)");
    assertThat(sink.published).isEmpty();
  }

  @Test
  void duplicatesWithinTheFileAreCountedAndSentOnce() throws Exception {
    String file =
        Exports.FACEBOOK_HEADER
            + "c1,111,,Pat,once,2026-11-20T09:58:00+0000,\n"
            + "c2,111,,Pat,other,2026-11-20T09:58:00+0000,\n"
            + "c1,111,,Pat,once again,2026-11-20T09:58:00+0000,\n";

    BackfillReport report = csv(file, "facebook-comments");

    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.duplicateLines()).containsExactly(4L);
    assertThat(report.published()).isEqualTo(2);
    assertThat(report.rowsRead())
        .isEqualTo(
            report.published() + report.rejected() + report.duplicates() + report.notPublished());
  }

  @Test
  void whenKafkaFailsReadingStopsAndTheReportSaysWhatWasNotPublished() throws Exception {
    sink = new RecordingSink(3);
    StringBuilder file = new StringBuilder(Exports.FACEBOOK_HEADER);
    for (int i = 1; i <= 10; i++) {
      file.append("c").append(i).append(",111,,Pat,text,2026-11-20T09:58:00+0000,\n");
    }

    BackfillReport report = csv(file.toString(), "facebook-comments");

    assertThat(report.status()).isEqualTo(BackfillReport.Status.INCOMPLETE);
    assertThat(report.stop()).isEqualTo(BackfillReport.Stop.KAFKA_UNAVAILABLE);
    assertThat(report.published()).isEqualTo(2);
    assertThat(report.notPublished()).isEqualTo(1);
    assertThat(report.notPublishedLines()).containsExactly(4L);
    assertThat(report.lastLineRead()).isEqualTo(4);
    assertThat(report.rowsRead()).isEqualTo(3);
    assertThat(report.stopDetail()).contains("nothing after line 4 was read");
  }

  @Test
  void jsonlRowsMayNameTheirOwnChannelAndAccount() throws Exception {
    String file =
        "{\"platformId\":\"j-1\",\"text\":\"<p>hello</p>\",\"createdAt\":\"2026-11-20T09:00:00Z\"}\n"
            + "{\"channel\":\"x\",\"account\":\"trust-x\",\"platformId\":\"j-2\",\"text\":\"hi\","
            + "\"createdAt\":\"2026-11-20T09:00:00Z\"}\n"
            + "not json at all\n"
            + "[1,2]\n"
            + "{\"platformId\":\"j-5\",\"text\":\"hi\",\"createdAt\":\"2026-11-20T09:00:00Z\","
            + "\"kind\":\"liked\"}\n"
            + "{\"platformId\":7,\"text\":{},\"createdAt\":\"2026-11-20T09:00:00Z\"}\n"
            + "{\"channel\":\"myspace\",\"platformId\":\"j-7\",\"text\":\"hi\","
            + "\"createdAt\":\"2026-11-20T09:00:00Z\"}\n";

    BackfillReport report =
        run(file, new ImportRequest(ImportFormat.JSONL, null, Channel.FACEBOOK, PAGE));

    assertThat(sink.published).hasSize(2);
    assertThat(sink.published.get(0).channel()).isEqualTo(Channel.FACEBOOK);
    assertThat(sink.published.get(0).account()).isEqualTo(PAGE);
    assertThat(sink.published.get(0).text()).isEqualTo("hello");
    assertThat(sink.published.get(1).channel()).isEqualTo(Channel.X);
    assertThat(sink.published.get(1).account()).isEqualTo("trust-x");
    assertThat(sink.published.get(1).itemId()).isEqualTo(Ids.itemId(Channel.X, "trust-x", "j-2"));
    assertThat(report.rejections())
        .extracting(Rejection::line, Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, RejectReason.MALFORMED_JSON),
            org.assertj.core.groups.Tuple.tuple(4L, RejectReason.MALFORMED_JSON),
            org.assertj.core.groups.Tuple.tuple(5L, RejectReason.UNKNOWN_KIND),
            org.assertj.core.groups.Tuple.tuple(6L, RejectReason.MALFORMED_JSON),
            org.assertj.core.groups.Tuple.tuple(7L, RejectReason.UNKNOWN_VALUE));
  }

  @Test
  void aRowWithoutAnAccountIsRejectedWhenTheImportNamesNone() throws Exception {
    String file =
        "{\"platformId\":\"j-1\",\"text\":\"hi\",\"createdAt\":\"2026-11-20T09:00:00Z\"}\n";

    BackfillReport report = run(file, new ImportRequest(ImportFormat.JSONL, null, Channel.X, null));

    assertThat(report.rejections())
        .extracting(Rejection::reason, Rejection::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RejectReason.MISSING_VALUE, "account"));
  }

  @Test
  void textIsNormalisedToNfc() throws Exception {
    String file =
        "{\"platformId\":\"j-1\",\"text\":\"Cafe\\u0301\",\"createdAt\":\"2026-11-20T09:00:00Z\"}\n";

    run(file, new ImportRequest(ImportFormat.JSONL, null, Channel.GENERIC, "acme"));

    assertThat(sink.published.get(0).text()).isEqualTo("Caf\u00e9");
  }

  @Test
  void aRowThatIsNotUtf8IsRejectedAndTheRestStillRead() throws Exception {
    byte[] head =
        (Exports.FACEBOOK_HEADER + "c1,111,,Pat,fine,2026-11-20T09:58:00+0000,\n").getBytes(UTF_8);
    // "caf\xe9": Latin-1, as a spreadsheet saved in the wrong encoding writes it.
    byte[] latin1 = "c2,111,,Pat,caf\u00e9,2026-11-20T09:58:00+0000,\n".getBytes(ISO_8859_1);
    byte[] tail = "c3,111,,Pat,fine,2026-11-20T09:58:00+0000,\n".getBytes(UTF_8);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(head);
    file.write(latin1);
    file.write(tail);

    BackfillReport report =
        importer(0)
            .run(
                new ByteArrayInputStream(file.toByteArray()),
                new ImportRequest(ImportFormat.CSV, "facebook-comments", Channel.FACEBOOK, PAGE),
                BackfillImport.Progress.NONE);

    assertThat(report.published()).isEqualTo(2);
    assertThat(report.rejections())
        .extracting(Rejection::line, Rejection::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, RejectReason.NOT_UTF8));
  }

  @Test
  void anInputOverTheLimitStops() throws Exception {
    String file = Exports.facebookComments();

    BackfillReport report =
        importer(Exports.FACEBOOK_HEADER.length() + 10)
            .run(
                new ByteArrayInputStream(file.getBytes(UTF_8)),
                new ImportRequest(ImportFormat.CSV, "facebook-comments", Channel.FACEBOOK, PAGE),
                BackfillImport.Progress.NONE);

    assertThat(report.stop()).isEqualTo(BackfillReport.Stop.INPUT_TOO_LARGE);
    assertThat(report.status()).isEqualTo(BackfillReport.Status.INCOMPLETE);
  }

  @Test
  void unknownMappingsAndMappingsOnJsonlAreRefused() {
    assertThatThrownBy(
            () -> BackfillImport.validate(new ImportRequest(ImportFormat.CSV, "excel", null, null)))
        .hasMessage("mapping must be one of: generic, facebook-comments, wordpress-comments");
    assertThatThrownBy(
            () ->
                BackfillImport.validate(
                    new ImportRequest(ImportFormat.JSONL, "facebook-comments", null, null)))
        .hasMessageContaining("leave mapping out");
  }

  private BackfillReport csv(String file, String mapping) throws Exception {
    return run(file, new ImportRequest(ImportFormat.CSV, mapping, Channel.FACEBOOK, PAGE));
  }

  private BackfillReport csvFor(Channel channel, String account, String file, String mapping)
      throws Exception {
    return run(file, new ImportRequest(ImportFormat.CSV, mapping, channel, account));
  }

  private BackfillReport run(String file, ImportRequest request) throws Exception {
    return importer(0)
        .run(new ByteArrayInputStream(file.getBytes(UTF_8)), request, BackfillImport.Progress.NONE);
  }

  private BackfillImport importer(long maxBytes) {
    return new BackfillImport(
        new GenericPostMapper(100),
        JSON,
        sink,
        Clock.fixed(NOW, ZoneOffset.UTC),
        new BackfillImport.Limits(maxBytes, 10_000, 4));
  }
}
