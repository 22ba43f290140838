package dev.switchboard.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ingest.webhook.GenericPost;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvMappingsTest {

  @Test
  void facebookCommentsMatchesColumnsInAnyCaseAndOrder() throws Exception {
    CsvMapping.Bound bound =
        bind(
            "facebook-comments",
            " message ",
            "CREATED TIME",
            "post id",
            "Comment ID",
            "Author ID",
            "Author");

    GenericPost post =
        bound
            .map(List.of("hello", "2026-11-20T09:58:00+0000", "111", " 111_5 ", "9001", "Pat"))
            .post();

    assertThat(post.platformId()).isEqualTo("111_5");
    assertThat(post.threadRootId()).isEqualTo("111");
    assertThat(post.parentId()).isEqualTo("111");
    assertThat(post.itemType()).isEqualTo("comment");
    assertThat(post.createdAt()).isEqualTo("2026-11-20T09:58Z");
    assertThat(post.author()).isEqualTo(new GenericPost.GenericAuthor("9001", "Pat", null, null));
    assertThat(bound.columnFor("createdAt")).isEqualTo("Created Time");
  }

  @Test
  void wordpressCommentsUseTheGmtDateParentsAndUserIds() throws Exception {
    CsvMapping.Bound bound =
        bind(
            "wordpress-comments",
            "comment_ID",
            "comment_post_ID",
            "comment_author",
            "comment_author_email",
            "comment_author_url",
            "comment_date",
            "comment_date_gmt",
            "comment_content",
            "comment_parent",
            "user_id");

    GenericPost visitor =
        bound
            .map(
                List.of(
                    "12",
                    "7",
                    "Pat",
                    "pat@example.org",
                    "www.pat.example",
                    "2026-07-01 10:58:00",
                    "2026-07-01 09:58:00",
                    "<p>Lovely staff</p>",
                    "0",
                    "0"))
            .post();
    GenericPost staffReply =
        bound
            .map(
                List.of(
                    "13",
                    "7",
                    "Comms",
                    "c@trust.example",
                    "https://trust.example",
                    "",
                    "2026-07-01 10:00:00",
                    "Thank you",
                    "12",
                    "3"))
            .post();

    assertThat(visitor.platformId()).isEqualTo("12");
    assertThat(visitor.threadRootId()).isEqualTo("7");
    assertThat(visitor.parentId()).isEqualTo("7");
    assertThat(visitor.itemType()).isEqualTo("comment");
    // comment_date is local time; comment_date_gmt is the one that says when.
    assertThat(visitor.createdAt()).isEqualTo("2026-07-01T09:58Z");
    // A hand-typed website cannot be linked; the e-mail address is never mapped.
    assertThat(visitor.author()).isEqualTo(new GenericPost.GenericAuthor(null, "Pat", null, null));
    assertThat(staffReply.parentId()).isEqualTo("12");
    assertThat(staffReply.itemType()).isEqualTo("reply");
    assertThat(staffReply.author())
        .isEqualTo(new GenericPost.GenericAuthor("3", "Comms", null, "https://trust.example"));
  }

  @Test
  void wordpressRejectsTheZeroDateOfUnsavedComments() throws Exception {
    CsvMapping.Bound bound =
        bind(
            "wordpress-comments",
            "comment_ID",
            "comment_post_ID",
            "comment_date_gmt",
            "comment_content");

    assertThatThrownBy(() -> bound.map(List.of("1", "2", "0000-00-00 00:00:00", "x")))
        .isInstanceOfSatisfying(
            RowRejectedException.class,
            e -> {
              assertThat(e.at(9).reason()).isEqualTo(RejectReason.BAD_DATE);
              assertThat(e.at(9).column()).isEqualTo("comment_date_gmt");
            });
  }

  @Test
  void genericNeedsOnlyIdTextAndTimeAndReadsNumbers() throws Exception {
    CsvMapping.Bound bound =
        bind("generic", "platformId", "text", "createdAt", "revision", "rating");

    GenericPost post = bound.map(List.of("p", "hi", "2026-11-20T09:00:00Z", "2", "")).post();

    assertThat(post.revision()).isEqualTo(2);
    assertThat(post.rating()).isNull();
    assertThatThrownBy(() -> bound.map(List.of("p", "hi", "2026-11-20T09:00:00Z", "two", "")))
        .isInstanceOfSatisfying(
            RowRejectedException.class,
            e -> assertThat(e.at(1).reason()).isEqualTo(RejectReason.INVALID_VALUE));
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    assertThatThrownBy(() -> bind("generic", "platformId", "createdAt"))
        .isInstanceOf(InvalidImportException.class)
        .hasMessageContaining("lacks the column text required by mapping generic");
  }

  private static CsvMapping.Bound bind(String mapping, String... columns)
      throws InvalidImportException {
    return CsvMappings.byName(mapping).orElseThrow().bind(new CsvHeader(List.of(columns)));
  }
}
