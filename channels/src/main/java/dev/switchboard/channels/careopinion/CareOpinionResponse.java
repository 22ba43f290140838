package dev.switchboard.channels.careopinion;

import java.time.Instant;
import java.util.Objects;

/**
 * One response published on a story, as {@code /api/v2/opinions/{id}/responses} gives it.
 *
 * @param id the response's id
 * @param opinionId the story it answers
 * @param body the response's text, in Markdown
 * @param responderName who responded, as published, or null
 * @param responderRole the responder's job title, or null
 * @param organisation the responder's organisation, or null
 * @param publishedAt {@code dateOfPublication}
 * @param raw the response's JSON as received
 */
public record CareOpinionResponse(
    String id,
    String opinionId,
    String body,
    String responderName,
    String responderRole,
    String organisation,
    Instant publishedAt,
    String raw) {

  /** Checks the parts every response has. */
  public CareOpinionResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(opinionId, "opinionId");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(raw, "raw");
  }
}
