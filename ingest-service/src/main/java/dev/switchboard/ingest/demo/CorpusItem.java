package dev.switchboard.ingest.demo;

import dev.switchboard.ingest.webhook.GenericPost.GenericAuthor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One line of the demo corpus: a generic webhook post without {@code createdAt} (the player stamps
 * the send time), plus the demo's own fields, which are never sent.
 *
 * @param platformId the item's id within one loop of the corpus
 * @param threadRootId the conversation's first item; absent on a root
 * @param parentId the item this one answers, if any
 * @param kind {@code created} (absent), {@code edited} or {@code deleted}
 * @param revision 0 (absent) for the first version, one more per edit
 * @param itemType post, comment, reply, review, private_message, ...
 * @param author who wrote it (fictional)
 * @param text the text; absent on a deletion
 * @param visibility {@code public} (absent) or {@code private}
 * @param rating 1..5 for reviews
 * @param language BCP 47 tag
 * @param expectedLabels the issue 4 labels a careful reader gives this text (demo data, not the
 *     held-out evaluation set)
 * @param note why a tricky item is labelled as it is, for people reading the corpus
 */
@Serdeable
public record CorpusItem(
    String platformId,
    @Nullable String threadRootId,
    @Nullable String parentId,
    @Nullable String kind,
    @Nullable Integer revision,
    @Nullable String itemType,
    @Nullable GenericAuthor author,
    @Nullable String text,
    @Nullable String visibility,
    @Nullable Integer rating,
    @Nullable String language,
    @Nullable List<String> expectedLabels,
    @Nullable String note) {

  /** The kind, {@code created} when absent, lower case. */
  public String kindOrDefault() {
    return kind == null ? "created" : kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** The revision, 0 when absent. */
  public int revisionOrDefault() {
    return revision == null ? 0 : revision;
  }

  /** The conversation's root id: {@code threadRootId}, or the item itself when it is a root. */
  public String rootId() {
    return threadRootId == null ? platformId : threadRootId;
  }

  /** The expected labels, empty when absent. */
  public List<String> labels() {
    return expectedLabels == null ? List.of() : expectedLabels;
  }
}
