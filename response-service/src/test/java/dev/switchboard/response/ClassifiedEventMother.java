package dev.switchboard.response;

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
import dev.switchboard.contracts.Team;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.response.cases.IncomingPost;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builds classified events that read like the scenario: a post in a thread, with its labels. */
public final class ClassifiedEventMother {

  private Channel channel = Channel.FACEBOOK;
  private String account = "page-1";
  private String platformId = "post-1";
  private String threadRootId = "post-1";
  private EventKind kind = EventKind.CREATED;
  private int revision = 0;
  private String text = "The nurses on ward 7 were wonderful";
  private Instant createdAt = Instant.parse("2026-11-25T09:00:00Z");
  private List<LabelName> labels = List.of(LabelName.PRAISE);
  private Priority priority = Priority.P4;
  private Team route = Team.COMMS;

  private ClassifiedEventMother() {}

  /** A new root post on the trust's Facebook Page, praising ward 7. */
  public static ClassifiedEventMother aPost() {
    return new ClassifiedEventMother();
  }

  /** A reply in the thread of {@code root}. */
  public static ClassifiedEventMother aReplyTo(ClassifiedEventMother root, String platformId) {
    ClassifiedEventMother reply = new ClassifiedEventMother();
    reply.channel = root.channel;
    reply.account = root.account;
    reply.threadRootId = root.threadRootId;
    reply.platformId = platformId;
    reply.createdAt = root.createdAt.plusSeconds(60);
    return reply;
  }

  public ClassifiedEventMother onAccount(String account) {
    this.account = account;
    return this;
  }

  public ClassifiedEventMother withId(String platformId) {
    this.platformId = platformId;
    this.threadRootId = platformId;
    return this;
  }

  public ClassifiedEventMother saying(String text) {
    this.text = text;
    return this;
  }

  public ClassifiedEventMother at(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public ClassifiedEventMother labelled(Priority priority, Team route, LabelName... labels) {
    this.priority = priority;
    this.route = route;
    this.labels = Arrays.asList(labels);
    return this;
  }

  public ClassifiedEventMother editedAs(int revision, String text) {
    ClassifiedEventMother edit = copy();
    edit.kind = EventKind.EDITED;
    edit.revision = revision;
    edit.text = text;
    return edit;
  }

  public ClassifiedEventMother deleted() {
    ClassifiedEventMother deletion = copy();
    deletion.kind = EventKind.DELETED;
    deletion.text = null;
    return deletion;
  }

  public String itemId() {
    return Ids.itemId(channel, account, platformId);
  }

  public String conversationKey() {
    return Ids.conversationKey(channel, account, threadRootId);
  }

  public String eventId() {
    return Ids.eventId(itemId(), kind, revision);
  }

  public ClassifiedEvent build() {
    ChannelEvent event =
        new ChannelEvent(
            eventId(),
            itemId(),
            conversationKey(),
            channel,
            account,
            platformId,
            kind,
            revision,
            platformId.equals(threadRootId) ? ItemType.POST : ItemType.COMMENT,
            threadRootId,
            platformId.equals(threadRootId) ? null : threadRootId,
            new Author("author-" + platformId, "Alex Example", "alex", null),
            text,
            "https://facebook.example/" + account + "/" + platformId,
            createdAt,
            createdAt.plusSeconds(5),
            Visibility.PUBLIC,
            IngestSource.WEBHOOK,
            null,
            "en",
            List.of(),
            "{}");
    List<Label> labelList = labels.stream().map(name -> new Label(name, 0.9, List.of())).toList();
    return new ClassifiedEvent(
        event, labelList, priority, route, "rules-0", createdAt.plusSeconds(6));
  }

  /** The same event as the case rules see it. */
  public IncomingPost incoming() {
    return new IncomingPost(
        eventId(),
        itemId(),
        conversationKey(),
        channel,
        account,
        kind,
        revision,
        "Alex Example",
        text,
        "https://facebook.example/" + account + "/" + platformId,
        createdAt,
        Set.copyOf(labels),
        priority,
        route);
  }

  private ClassifiedEventMother copy() {
    ClassifiedEventMother c = new ClassifiedEventMother();
    c.channel = channel;
    c.account = account;
    c.platformId = platformId;
    c.threadRootId = threadRootId;
    c.kind = kind;
    c.revision = revision;
    c.text = text;
    c.createdAt = createdAt;
    c.labels = labels;
    c.priority = priority;
    c.route = route;
    return c;
  }
}
