package dev.switchboard.ingest.backfill;

import dev.switchboard.ingest.webhook.GenericPost;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generic}: one column per field of the generic post (docs/generic-webhook.md), for tools
 * that can shape their export, and for moving data between Switchboard installations.
 */
final class GenericCsvMapping implements CsvMapping {

  static final String NAME = "generic";

  private static final List<String> COLUMNS =
      List.of(
          "platformId",
          "threadRootId",
          "parentId",
          "authorId",
          "authorName",
          "authorHandle",
          "authorUrl",
          "text",
          "url",
          "createdAt",
          "kind",
          "revision",
          "itemType",
          "visibility",
          "rating",
          "language",
          "channel",
          "account");
  // The generic post's nested author fields are named after their columns here.
  private static final Map<String, String> FIELD_TO_COLUMN =
      Map.of(
          "author.id", "authorId",
          "author.name", "authorName",
          "author.handle", "authorHandle",
          "author.url", "authorUrl");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Bound bind(CsvHeader header) throws InvalidImportException {
    header.require(NAME, "platformId", "text", "createdAt");
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = header.position(COLUMNS.get(i));
    }
    return new Bound() {
      @Override
      public MappedRow map(List<String> f) throws RowRejectedException {
        String authorId = Cells.id(f, at[3]);
        String authorName = Cells.value(f, at[4]);
        String authorHandle = Cells.value(f, at[5]);
        String authorUrl = Cells.id(f, at[6]);
        GenericPost.GenericAuthor author =
            authorId == null && authorName == null && authorHandle == null && authorUrl == null
                ? null
                : new GenericPost.GenericAuthor(authorId, authorName, authorHandle, authorUrl);
        String kind = Cells.id(f, at[10]);
        String text = Cells.text(f, at[7]);
        if ("deleted".equals(kind == null ? null : kind.toLowerCase(Locale.ROOT))
            && text != null
            && text.isEmpty()) {
          text = null;
        }
        GenericPost post =
            new GenericPost(
                null,
                Cells.id(f, at[0]),
                Cells.id(f, at[1]),
                Cells.id(f, at[2]),
                kind,
                integer(f, at[11], "revision"),
                Cells.id(f, at[12]),
                author,
                text,
                Cells.id(f, at[8]),
                Cells.id(f, at[9]),
                Cells.id(f, at[13]),
                integer(f, at[14], "rating"),
                Cells.id(f, at[15]),
                null);
        return new MappedRow(Cells.id(f, at[16]), Cells.id(f, at[17]), post);
      }

      @Override
      public String columnFor(String field) {
        return FIELD_TO_COLUMN.getOrDefault(field, field);
      }
    };
  }

  private static Integer integer(List<String> fields, int position, String column)
      throws RowRejectedException {
    String value = Cells.id(fields, position);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new RowRejectedException(
          RejectReason.INVALID_VALUE, column, column + " must be a whole number");
    }
  }
}
