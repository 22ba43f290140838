package dev.switchboard.ingest.connectors.careopinion;

import dev.switchboard.channels.careopinion.CareOpinionResponse;
import dev.switchboard.channels.careopinion.CareOpinionStory;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.ingest.connectors.Revisions;
import java.time.Instant;

/**
 * Maps Care Opinion stories and responses to {@link ChannelEvent}s. Account = the service's primary
 * ODS code; a story is a STORY and the root of its conversation; each response is a REPLY whose
 * parent and thread root are the story. The text is the title and body, Markdown made plain. A new
 * item is CREATED revision 0; a changed one is EDITED with a revision derived from its text and
 * status ({@link Revisions}), so the same version seen twice is one event; a withdrawn one is
 * DELETED revision 0 without text. Authors are anonymous on Care Opinion: a story's author is named
 * by their role (patient, relative...), a response's by the responder's published name.
 */
public final class CareOpinionNormalizer {

  private CareOpinionNormalizer() {}

  /** The story as CREATED or EDITED. */
  public static ChannelEvent story(
      String account, CareOpinionStory story, EventKind kind, String siteUrl, Instant receivedAt) {
    String text = MarkdownText.plain(story.markdown());
    int revision =
        kind == EventKind.EDITED
            ? Revisions.ofEdit(text + "\u0000" + story.criticality() + "\u0000" + story.progress())
            : 0;
    String itemId = Ids.itemId(Channel.CARE_OPINION, account, story.id());
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.CARE_OPINION, account, story.id()),
        Channel.CARE_OPINION,
        account,
        story.id(),
        kind,
        revision,
        ItemType.STORY,
        story.id(),
        null,
        story.authorRole() == null ? null : new Author(null, story.authorRole(), null, null),
        text,
        storyUrl(siteUrl, story.id()),
        story.publishedAt(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        "en",
        null,
        story.raw());
  }

  /** The response as CREATED or EDITED. */
  public static ChannelEvent reply(
      String account,
      CareOpinionResponse response,
      EventKind kind,
      String siteUrl,
      Instant receivedAt) {
    String text = MarkdownText.plain(response.body());
    int revision = kind == EventKind.EDITED ? Revisions.ofEdit(text) : 0;
    String itemId = Ids.itemId(Channel.CARE_OPINION, account, response.id());
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(Channel.CARE_OPINION, account, response.opinionId()),
        Channel.CARE_OPINION,
        account,
        response.id(),
        kind,
        revision,
        ItemType.REPLY,
        response.opinionId(),
        response.opinionId(),
        response.responderName() == null
            ? null
            : new Author(null, response.responderName(), null, null),
        text,
        storyUrl(siteUrl, response.opinionId()),
        response.publishedAt(),
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        "en",
        null,
        response.raw());
  }

  /**
   * The DELETED event of a withdrawn story ({@code responseId} null) or of a response on it; the
   * raw payload records the check that found it gone.
   */
  public static ChannelEvent deleted(
      String account, String opinionId, String responseId, String siteUrl, Instant receivedAt) {
    String platformId = responseId == null ? opinionId : responseId;
    String itemId = Ids.itemId(Channel.CARE_OPINION, account, platformId);
    String raw =
        "{\"id\":\""
            + platformId
            + "\",\"opinionId\":\""
            + opinionId
            + "\",\"withdrawn\":true,\"evidence\":\"GET /api/v2/opinions/"
            + opinionId
            + (responseId == null ? "" : "/responses")
            + (responseId == null ? " answered 404\"}" : " no longer lists it\"}");
    return new ChannelEvent(
        Ids.eventId(itemId, EventKind.DELETED, 0),
        itemId,
        Ids.conversationKey(Channel.CARE_OPINION, account, opinionId),
        Channel.CARE_OPINION,
        account,
        platformId,
        EventKind.DELETED,
        0,
        responseId == null ? ItemType.STORY : ItemType.REPLY,
        opinionId,
        responseId == null ? null : opinionId,
        null,
        null,
        storyUrl(siteUrl, opinionId),
        null,
        receivedAt,
        Visibility.PUBLIC,
        IngestSource.POLL,
        null,
        null,
        null,
        raw);
  }

  /** The story's page on the site: {@code <site>/opinions/<id>}. */
  static String storyUrl(String siteUrl, String opinionId) {
    String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    return base + "/opinions/" + opinionId;
  }
}
