package dev.switchboard.ingest.demo;

/** How the demo treats the webhook's answer to one post. */
public enum DemoOutcome {
  /** 2xx: Kafka has the event; go on to the next post. */
  ACCEPTED,
  /** 4xx other than 408 and 429: sending the same bytes again cannot help; skip the post. */
  REJECTED,
  /** No answer, 408, 429 or 5xx: send the same post again after a pause. */
  RETRY;

  /** The outcome of HTTP status {@code status}. */
  public static DemoOutcome of(int status) {
    if (status >= 200 && status < 300) {
      return ACCEPTED;
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      return REJECTED;
    }
    return RETRY;
  }
}
