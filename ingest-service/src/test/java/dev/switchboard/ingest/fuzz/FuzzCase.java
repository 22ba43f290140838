package dev.switchboard.ingest.fuzz;

import java.util.Set;

/**
 * One generated webhook request and what the service must answer to it.
 *
 * @param family which generator made it (for the failure report)
 * @param description what was done to the request, enough to see why it should fail
 * @param account the path's account
 * @param contentType the {@code Content-Type} header, or null to send none
 * @param signature the {@code X-Hub-Signature-256} header, or null to send none
 * @param body the exact bytes sent
 * @param chunked send without {@code Content-Length} (chunked transfer encoding)
 * @param expected the answer the documentation promises
 */
public record FuzzCase(
    String family,
    String description,
    String account,
    String contentType,
    String signature,
    byte[] body,
    boolean chunked,
    Expected expected) {

  /**
   * What may come back. Every answer must be 202 or a 4xx problem; this narrows it further.
   *
   * @param statuses the allowed statuses; empty means any 4xx
   * @param mayBeAccepted whether 202 is allowed besides {@code statuses}
   * @param slug the problem type slug required for a 4xx, or null for any
   * @param field the problem's {@code field} required for a 4xx, or null for any
   */
  public record Expected(Set<Integer> statuses, boolean mayBeAccepted, String slug, String field) {

    /** Exactly 202: a correctly signed valid post. */
    public static Expected accepted() {
      return new Expected(Set.of(202), true, null, null);
    }

    /** Exactly this status and problem type (field unchecked). */
    public static Expected problem(int status, String slug) {
      return new Expected(Set.of(status), false, slug, null);
    }

    /** 400 invalid-body naming this field. */
    public static Expected invalidField(String field) {
      return new Expected(Set.of(400), false, "invalid-body", field);
    }

    /** Some 4xx, never 202 and never 5xx. */
    public static Expected rejected() {
      return new Expected(Set.of(), false, null, null);
    }

    /** 202 or some 4xx: the request is odd but may legitimately be accepted. */
    public static Expected acceptedOrRejected() {
      return new Expected(Set.of(), true, null, null);
    }

    /** Whether {@code status} is allowed (the problem's shape is checked separately). */
    public boolean allows(int status) {
      if (status == 202) {
        return mayBeAccepted || statuses.contains(202);
      }
      return statuses.isEmpty() ? status >= 400 && status < 500 : statuses.contains(status);
    }

    @Override
    public String toString() {
      String allowed = statuses.isEmpty() ? "4xx" : statuses.toString();
      return allowed
          + (mayBeAccepted && !statuses.contains(202) ? " or 202" : "")
          + (slug == null ? "" : " " + slug)
          + (field == null ? "" : " field=" + field);
    }
  }
}
