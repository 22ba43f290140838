package dev.switchboard.ingest.backfill;

import dev.switchboard.ingest.webhook.GenericPost;
import java.util.List;
import java.util.Map;

/**
 * {@code facebook-comments}: a Page's comments as exported by Graph API scripts and social-media
 * tools (Facebook has no built-in comments export), one row per comment with the Graph API's {@code
 * id}, {@code parent}, {@code from}, {@code message}, {@code created_time} and {@code
 * permalink_url} under the column names in docs/backfill.md.
 */
final class FacebookCommentsMapping implements CsvMapping {

  static final String NAME = "facebook-comments";

  private static final Map<String, String> FIELD_TO_COLUMN =
      Map.of(
          "platformId", "Comment ID",
          "threadRootId", "Post ID",
          "parentId", "Parent ID",
          "author.id", "Author ID",
          "author.name", "Author",
          "text", "Message",
          "createdAt", "Created Time",
          "url", "Permalink");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Bound bind(CsvHeader header) throws InvalidImportException {
    int[] required = header.require(NAME, "Comment ID", "Post ID", "Message", "Created Time");
    int commentId = required[0];
    int postId = required[1];
    int message = required[2];
    int created = required[3];
    int parent = header.position("Parent ID");
    int author = header.position("Author");
    int authorId = header.position("Author ID");
    int permalink = header.position("Permalink");
    return new Bound() {
      @Override
      public MappedRow map(List<String> f) throws RowRejectedException {
        String id = Cells.requiredId(f, commentId, "Comment ID");
        String post = Cells.requiredId(f, postId, "Post ID");
        String createdAt = Cells.time(f, created, "Created Time", false);
        // A top-level comment answers the post; Graph API leaves "parent" out for those.
        String parentId = Cells.id(f, parent);
        boolean reply = parentId != null && !parentId.equals(post);
        String name = Cells.value(f, author);
        String authorPlatformId = Cells.id(f, authorId);
        GenericPost.GenericAuthor by =
            name == null && authorPlatformId == null
                ? null
                : new GenericPost.GenericAuthor(authorPlatformId, name, null, null);
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
                Cells.text(f, message),
                Cells.id(f, permalink),
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
