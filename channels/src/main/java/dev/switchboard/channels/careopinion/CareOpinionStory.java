package dev.switchboard.channels.careopinion;

import java.time.Instant;
import java.util.Objects;

/**
 * One published story ("opinion") as {@code /api/v2/opinions} gives it.
 *
 * @param id the opinion's id (a number on Care Opinion, kept as text)
 * @param title the story's title
 * @param body the story's text, in Markdown
 * @param submittedAt {@code dateOfSubmission}, or null when absent
 * @param publishedAt {@code dateOfPublication}
 * @param authorRole {@code authorRole} (patient, relative, carer, staff...), or null
 * @param criticality {@code criticality} (e.g. "not critical", "mildly critical"), or null
 * @param progress {@code progress}: how far the provider has got with the story, or null
 * @param raw the opinion's JSON as received
 */
public record CareOpinionStory(
    String id,
    String title,
    String body,
    Instant submittedAt,
    Instant publishedAt,
    String authorRole,
    String criticality,
    String progress,
    String raw) {

  /** Checks the parts every story has. */
  public CareOpinionStory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(raw, "raw");
  }

  /** The title and the body as one Markdown text: the title is part of what the author wrote. */
  public String markdown() {
    if (title == null || title.isBlank()) {
      return body == null ? "" : body;
    }
    return body == null || body.isBlank() ? title : "# " + title + "\n\n" + body;
  }
}
