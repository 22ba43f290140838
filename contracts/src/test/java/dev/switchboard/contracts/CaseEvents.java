package dev.switchboard.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Case history events from the response service. */
final class CaseEvents {

  private CaseEvents() {}

  static final String CASE_ID = "3f9a2c64-0d1e-4b8f-9c27-5e6d7a8b9c01";

  /** The case opened for the A&E complaint, in the PALS queue. */
  static CaseEvent aCaseOpened() {
    ChannelEvent complaint = ChannelEvents.aFacebookComplaint();
    return new CaseEvent(
        "9e1c7a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b",
        CASE_ID,
        complaint.conversationKey(),
        CaseEvent.Type.CASE_OPENED,
        1,
        CaseEvent.CaseStatus.NEW,
        Team.PALS,
        null,
        Priority.P2,
        List.of(LabelName.COMPLAINT, LabelName.QUESTION),
        List.of(complaint.itemId()),
        new Actor(Actor.ActorType.SYSTEM, "response-service", "Switchboard"),
        Instant.parse("2025-03-14T08:42:10.104Z"),
        Map.of("sourceEventId", complaint.eventId()));
  }
}
