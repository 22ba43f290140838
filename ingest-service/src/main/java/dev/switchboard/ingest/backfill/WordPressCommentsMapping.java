package dev.switchboard.ingest.backfill;

import dev.switchboard.ingest.webhook.GenericPost;
import java.util.List;
import java.util.Map;

/**
 * {@code wordpress-comments}: rows of WordPress's {@code wp_comments} table as phpMyAdmin, a
 * database client or {@code wp comment list --format=csv --fields=...} export them, with the
 * table's own column names.
 */
final class WordPressCommentsMapping implements CsvMapping {

  static final String NAME = "wordpress-comments";

  private static final Map<String, String> FIELD_TO_COLUMN =
      Map.of(
          "platformId", "comment_ID",
          "threadRootId", "comment_post_ID",
          "parentId", "comment_parent",
          "author.id", "user_id",
          "author.name", "comment_author",
          "author.url", "comment_author_url",
          "text", "comment_content",
          "createdAt", "comment_date_gmt");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Bound bind(CsvHeader header) throws InvalidImportException {
    int[] required =
        header.require(
            NAME, "comment_ID", "comment_post_ID", "comment_content", "comment_date_gmt");
    int commentId = required[0];
    int postId = required[1];
    int content = required[2];
    int dateGmt = required[3];
    int parent = header.position("comment_parent");
    int author = header.position("comment_author");
    int authorUrl = header.position("comment_author_url");
    int userId = header.position("user_id");
    return new Bound() {
      @Override
      public MappedRow map(List<String> f) throws RowRejectedException {
        String id = Cells.requiredId(f, commentId, "comment_ID");
        String post = Cells.requiredId(f, postId, "comment_post_ID");
        // comment_date is the blog's local time; only the GMT column says when it was written.
        String createdAt = Cells.time(f, dateGmt, "comment_date_gmt", true);
        String parentId = Cells.id(f, parent);
        boolean reply = parentId != null && !parentId.equals("0");
        // user_id 0 means a visitor without an account: no id to name them by.
        String user = Cells.id(f, userId);
        String authorId = user == null || user.equals("0") ? null : user;
        // Visitors type their website by hand ("www.example.org"); such a value cannot be linked
        // and is left out rather than losing the comment. The raw row keeps it.
        String url = Cells.id(f, authorUrl);
        String link = url != null && url.matches("(?i)https?://.+") ? url : null;
        String name = Cells.value(f, author);
        GenericPost.GenericAuthor by =
            authorId == null && name == null && link == null
                ? null
                : new GenericPost.GenericAuthor(authorId, name, null, link);
        return new MappedRow(
            null,
            null,
            new GenericPost(
                null,
                id,
                post,
                reply ? parentId : post,
                "created",
                0,
                reply ? "reply" : "comment",
                by,
                Cells.text(f, content),
                null,
                createdAt,
                "public",
                null,
                null,
                null));
      }

      @Override
      public String columnFor(String field) {
        return FIELD_TO_COLUMN.getOrDefault(field, field);
      }
    };
  }
}
