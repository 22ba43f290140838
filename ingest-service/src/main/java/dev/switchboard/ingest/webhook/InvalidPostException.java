package dev.switchboard.ingest.webhook;

/**
 * A generic post that cannot be mapped; {@link #field()} names the offending JSON field (dotted for
 * nested ones) so the caller can fix it. The message never quotes the post's content.
 */
public final class InvalidPostException extends Exception {

  private final String field;

  /** A problem with {@code field}, described by {@code detail}. */
  public InvalidPostException(String field, String detail) {
    super(detail);
    this.field = field;
  }

  /** The JSON field at fault, e.g. {@code createdAt} or {@code author.url}. */
  public String field() {
    return field;
  }
}
