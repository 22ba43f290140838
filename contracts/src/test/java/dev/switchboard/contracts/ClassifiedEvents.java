package dev.switchboard.contracts;

import java.time.Instant;
import java.util.List;

/** Classifier verdicts, with reasons whose spans point into the event text. */
final class ClassifiedEvents {

  private ClassifiedEvents() {}

  /** The A&E complaint, labelled COMPLAINT and QUESTION and routed to PALS. */
  static ClassifiedEvent aClassifiedComplaint() {
    ChannelEvent complaint = ChannelEvents.aFacebookComplaint();
    return new ClassifiedEvent(
        complaint,
        List.of(
            new Label(
                LabelName.COMPLAINT,
                0.93,
                List.of(
                    spanReason(
                        complaint.text(),
                        "rule:complaint-intent",
                        "Who do I complain to?",
                        "Asks how to make a complaint."))),
            new Label(
                LabelName.QUESTION,
                0.71,
                List.of(
                    new Reason(
                        "model:intent-v1",
                        null,
                        null,
                        "The overall message expects a reply from the trust.")))),
        Priority.P2,
        Team.PALS,
        "rules-2025.03.1",
        Instant.parse("2025-03-14T08:42:09.871Z"));
  }

  /** A reason whose span is where {@code phrase} occurs in {@code text}. */
  static Reason spanReason(String text, String source, String phrase, String explanation) {
    int start = text.indexOf(phrase);
    if (start < 0) {
      throw new IllegalArgumentException("'" + phrase + "' is not in the text");
    }
    return new Reason(source, start, start + phrase.length(), explanation);
  }
}
