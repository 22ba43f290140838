package dev.switchboard.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.contracts.Attachment;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GenericPostMapperTest {

  private static final String ACCOUNT = "acme-trust";
  private static final String RAW = "{\"the\":\"raw body\"}";
  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");

  private final GenericPostMapper mapper = new GenericPostMapper(100);

  @Test
  void mapsACommentToAGenericChannelEvent() throws Exception {
    ChannelEvent event = map(GenericPosts.aComment());

    String itemId = Ids.itemId(Channel.GENERIC, ACCOUNT, "c-42");
    assertThat(event.itemId()).isEqualTo(itemId);
    assertThat(event.eventId()).isEqualTo(Ids.eventId(itemId, EventKind.CREATED, 0));
    assertThat(event.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.GENERIC, ACCOUNT, "p-1"));
    assertThat(event.channel()).isEqualTo(Channel.GENERIC);
    assertThat(event.account()).isEqualTo(ACCOUNT);
    assertThat(event.platformId()).isEqualTo("c-42");
    assertThat(event.threadRootId()).isEqualTo("p-1");
    assertThat(event.parentId()).isEqualTo("p-1");
    assertThat(event.kind()).isEqualTo(EventKind.CREATED);
    assertThat(event.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(event.author())
        .isEqualTo(new Author("u-7", "Pat Example", "pat", "https://social.example/u/pat"));
    assertThat(event.text()).isEqualTo("Waited 6 hours in A&E last night.");
    assertThat(event.url()).isEqualTo("https://social.example/p/1#c-42");
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
    assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    assertThat(event.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(event.source()).isEqualTo(IngestSource.WEBHOOK);
    assertThat(event.language()).isEqualTo("en-GB");
    assertThat(event.attachments())
        .containsExactly(new Attachment("image", "https://cdn.example/1.jpg"));
    assertThat(event.raw()).isEqualTo(RAW);
  }

  @Test
  void fillsTheDocumentedDefaults() throws Exception {
    ChannelEvent event = map(GenericPosts.aMinimalPost());

    assertThat(event.kind()).isEqualTo(EventKind.CREATED);
    assertThat(event.revision()).isZero();
    assertThat(event.itemType()).isEqualTo(ItemType.POST);
    assertThat(event.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(event.threadRootId()).isEqualTo("p-1");
    assertThat(event.conversationKey())
        .isEqualTo(Ids.conversationKey(Channel.GENERIC, ACCOUNT, "p-1"));
    assertThat(event.parentId()).isNull();
    assertThat(event.author()).isNull();
    assertThat(event.attachments()).isEmpty();
    // The offset is honoured: 09:30 at +01:00 is 08:30 UTC.
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
  }

  @Test
  void theSamePostMapsToTheSameIdsEvenWhenReceivedLater() throws Exception {
    ChannelEvent first = map(GenericPosts.aComment());
    ChannelEvent again =
        mapper.toChannelEvent(ACCOUNT, GenericPosts.aComment(), RAW, RECEIVED.plusSeconds(3600));

    assertThat(again.eventId()).isEqualTo(first.eventId());
    assertThat(again.itemId()).isEqualTo(first.itemId());
  }

  @Test
  void anEditIsANewEventOfTheSameItem() throws Exception {
    ChannelEvent created = map(GenericPosts.aComment());
    ChannelEvent edited = map(with(GenericPosts.aComment(), p -> copy(p, "edited", 1)));

    assertThat(edited.itemId()).isEqualTo(created.itemId());
    assertThat(edited.eventId()).isNotEqualTo(created.eventId());
    assertThat(edited.kind()).isEqualTo(EventKind.EDITED);
    assertThat(edited.revision()).isEqualTo(1);
  }

  @Test
  void theSamePlatformIdInAnotherAccountIsAnotherItem() throws Exception {
    ChannelEvent here = map(GenericPosts.aComment());
    ChannelEvent there = mapper.toChannelEvent("other", GenericPosts.aComment(), RAW, RECEIVED);

    assertThat(there.itemId()).isNotEqualTo(here.itemId());
    assertThat(there.conversationKey()).isNotEqualTo(here.conversationKey());
  }

  @Test
  void acceptsEnumValuesInAnyCase() throws Exception {
    GenericPost post =
        new GenericPost(
            null,
            "m-1",
            null,
            null,
            "CREATED",
            null,
            "Private_Message",
            null,
            "hi",
            null,
            "2026-11-25T09:30:00.123Z",
            "PRIVATE",
            null,
            null,
            null);

    ChannelEvent event = map(post);

    assertThat(event.itemType()).isEqualTo(ItemType.PRIVATE_MESSAGE);
    assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00.123Z"));
  }

  @Test
  void aDeletionNeedsNoText() throws Exception {
    GenericPost deletion =
        new GenericPost(
            null,
            "c-42",
            "p-1",
            null,
            "deleted",
            0,
            "comment",
            null,
            null,
            null,
            "2026-11-25T09:30:00Z",
            null,
            null,
            null,
            null);

    assertThat(map(deletion).text()).isNull();
  }

  @Test
  void rejectsAMissingPlatformId() {
    assertRejected(copyPlatformId(GenericPosts.aComment(), null), "platformId", "required");
    assertRejected(copyPlatformId(GenericPosts.aComment(), "  "), "platformId", "required");
  }

  @Test
  void rejectsABadCreatedAt() {
    for (String createdAt :
        new String[] {null, "yesterday", "2026-11-25T09:30:00", "2026-11-25", "1764063000"}) {
      GenericPost post = copyCreatedAt(GenericPosts.aComment(), createdAt);
      assertRejected(post, "createdAt", "createdAt");
    }
  }

  @Test
  void rejectsAnUnknownKindItemTypeOrVisibility() {
    GenericPost base = GenericPosts.aComment();
    assertRejected(
        with(base, p -> copy(p, "hidden", 0)), "kind", "kind must be one of: created, edited");
    assertRejected(
        new GenericPost(
            null,
            "x",
            null,
            null,
            null,
            null,
            "tweet",
            null,
            "t",
            null,
            "2026-11-25T09:30:00Z",
            null,
            null,
            null,
            null),
        "itemType",
        "private_message");
    assertRejected(
        new GenericPost(
            null,
            "x",
            null,
            null,
            null,
            null,
            null,
            null,
            "t",
            null,
            "2026-11-25T09:30:00Z",
            "friends",
            null,
            null,
            null),
        "visibility",
        "public, private");
  }

  @Test
  void rejectsTooLongATextWithoutQuotingIt() {
    String secretish = "NHS number 943 476 5919 ".repeat(5);
    GenericPost post = copyText(GenericPosts.aComment(), secretish);

    InvalidPostException e = reject(post);

    assertThat(e.field()).isEqualTo("text");
    assertThat(e.getMessage()).contains("100 characters").doesNotContain("943");
  }

  @Test
  void countsCharactersNotUtf16Units() throws Exception {
    // 100 emoji are 200 UTF-16 units but 100 characters: at the limit, still accepted.
    String emoji = "\uD83D\uDE00".repeat(100);
    assertThat(map(copyText(GenericPosts.aComment(), emoji)).text()).isEqualTo(emoji);
  }

  @Test
  void cleansHtmlFromTheTextAsTheConnectorsDoAndKeepsTheBodyAsRaw() throws Exception {
    GenericPost html =
        copyText(GenericPosts.aComment(), "  <p>Waited <b>6 hours</b> in A&amp;E</p><p>again</p> ");
    ChannelEvent event = map(html);
    assertThat(event.text()).isEqualTo("Waited 6 hours in A&E\nagain");
    assertThat(event.raw()).isEqualTo(RAW);
    assertThat(map(copyText(GenericPosts.aComment(), "I <3 ward 7 & a < b")).text())
        .isEqualTo("I <3 ward 7 & a < b");
  }

  @Test
  void rejectsAMissingTextForANewPost() {
    assertRejected(copyText(GenericPosts.aComment(), null), "text", "required");
  }

  @Test
  void rejectsANegativeRevision() {
    assertRejected(with(GenericPosts.aComment(), p -> copy(p, "edited", -1)), "revision", "0");
  }

  @Test
  void rejectsAnAccountThatDiffersFromThePath() throws Exception {
    GenericPost other = copyAccount(GenericPosts.aComment(), "someone-else");
    assertRejected(other, "account", "path");

    assertThat(map(copyAccount(GenericPosts.aComment(), ACCOUNT)).account()).isEqualTo(ACCOUNT);
  }

  @Test
  void rejectsUrlsThatAreNotAbsoluteHttp() {
    GenericPost post = GenericPosts.aComment();
    GenericPost badUrl =
        new GenericPost(
            null,
            post.platformId(),
            null,
            null,
            null,
            null,
            null,
            null,
            "t",
            "javascript:alert(1)",
            post.createdAt(),
            null,
            null,
            null,
            null);
    assertRejected(badUrl, "url", "http");

    GenericPost badAuthorUrl =
        new GenericPost(
            null,
            post.platformId(),
            null,
            null,
            null,
            null,
            null,
            new GenericPost.GenericAuthor("u", "n", null, "/relative"),
            "t",
            null,
            post.createdAt(),
            null,
            null,
            null,
            null);
    assertRejected(badAuthorUrl, "author.url", "http");
  }

  @Test
  void rejectsAnAttachmentWithoutUrlAndARatingOutOfRange() {
    GenericPost post = GenericPosts.aComment();
    assertRejected(
        new GenericPost(
            null,
            post.platformId(),
            null,
            null,
            null,
            null,
            null,
            null,
            "t",
            null,
            post.createdAt(),
            null,
            null,
            null,
            List.of(new GenericPost.GenericAttachment("image", null))),
        "attachments[0].url",
        "required");
    assertRejected(
        new GenericPost(
            null,
            post.platformId(),
            null,
            null,
            null,
            null,
            "review",
            null,
            "t",
            null,
            post.createdAt(),
            null,
            6,
            null,
            null),
        "rating",
        "between 1 and 5");
  }

  @Test
  void rejectsNoObjectAtAll() {
    InvalidPostException e = reject(null);
    assertThat(e.getMessage()).contains("JSON object");
  }

  private ChannelEvent map(GenericPost post) throws InvalidPostException {
    return mapper.toChannelEvent(ACCOUNT, post, RAW, RECEIVED);
  }

  private InvalidPostException reject(GenericPost post) {
    return catchThrowableOfType(InvalidPostException.class, () -> map(post));
  }

  private void assertRejected(GenericPost post, String field, String detailFragment) {
    InvalidPostException e = reject(post);
    assertThat(e).as("expected a rejection naming %s", field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(detailFragment);
  }

  private static GenericPost with(GenericPost post, UnaryOperator<GenericPost> change) {
    return change.apply(post);
  }

  private static GenericPost copy(GenericPost p, String kind, int revision) {
    return new GenericPost(
        p.account(),
        p.platformId(),
        p.threadRootId(),
        p.parentId(),
        kind,
        revision,
        p.itemType(),
        p.author(),
        p.text(),
        p.url(),
        p.createdAt(),
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }

  private static GenericPost copyPlatformId(GenericPost p, String platformId) {
    return new GenericPost(
        p.account(),
        platformId,
        p.threadRootId(),
        p.parentId(),
        p.kind(),
        p.revision(),
        p.itemType(),
        p.author(),
        p.text(),
        p.url(),
        p.createdAt(),
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }

  private static GenericPost copyCreatedAt(GenericPost p, String createdAt) {
    return new GenericPost(
        p.account(),
        p.platformId(),
        p.threadRootId(),
        p.parentId(),
        p.kind(),
        p.revision(),
        p.itemType(),
        p.author(),
        p.text(),
        p.url(),
        createdAt,
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }

  private static GenericPost copyText(GenericPost p, String text) {
    return new GenericPost(
        p.account(),
        p.platformId(),
        p.threadRootId(),
        p.parentId(),
        p.kind(),
        p.revision(),
        p.itemType(),
        p.author(),
        text,
        p.url(),
        p.createdAt(),
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }

  private static GenericPost copyAccount(GenericPost p, String account) {
    return new GenericPost(
        account,
        p.platformId(),
        p.threadRootId(),
        p.parentId(),
        p.kind(),
        p.revision(),
        p.itemType(),
        p.author(),
        p.text(),
        p.url(),
        p.createdAt(),
        p.visibility(),
        p.rating(),
        p.language(),
        p.attachments());
  }
}
