package dev.switchboard.moderation;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Reason;
import dev.switchboard.contracts.Team;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;
import java.util.List;

/** Test fixtures: classified events as the classify service publishes them. */
public final class ClassifiedEvents {

  private ClassifiedEvents() {}

  /** A complaint in a new thread of the given account. */
  public static ClassifiedEvent complaint(String account, String platformId) {
    String itemId = Ids.itemId(Channel.GENERIC, account, platformId);
    ChannelEvent event =
        new ChannelEvent(
            Ids.eventId(itemId, EventKind.CREATED, 0),
            itemId,
            Ids.conversationKey(Channel.GENERIC, account, platformId),
            Channel.GENERIC,
            account,
            platformId,
            EventKind.CREATED,
            0,
            ItemType.POST,
            platformId,
            null,
            new Author("a-1", "A Patient", null, null),
            "We waited six hours",
            "https://example.org/" + platformId,
            Instant.parse("2026-11-20T09:00:00Z"),
            Instant.parse("2026-11-20T09:00:01Z"),
            Visibility.PUBLIC,
            IngestSource.WEBHOOK,
            null,
            "en",
            List.of(),
            "{}");
    return new ClassifiedEvent(
        event,
        List.of(
            new Label(
                LabelName.COMPLAINT,
                0.6,
                List.of(
                    new Reason("rule:complaint-word", 3, 9, "Wording typical of a complaint.")))),
        Priority.P2,
        Team.PALS,
        "placeholder-rules-0.1",
        Instant.parse("2026-11-20T09:00:02Z"));
  }
}
