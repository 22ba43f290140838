package dev.switchboard.ingest.webhook;

import dev.switchboard.contracts.Attachment;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Visibility;
import dev.switchboard.ingest.text.TextCleaner;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates a {@link GenericPost} and maps it to a {@link ChannelEvent} (channel {@link
 * Channel#GENERIC} for the webhook, any channel for the backfill import), with the deterministic
 * ids of {@link Ids}: the same post sent twice maps to the same {@code eventId}. Error messages
 * name the field and never quote the post's text or author.
 */
public final class GenericPostMapper {

  /** Longest platform id, thread or parent id accepted. */
  public static final int MAX_ID_LENGTH = 256;

  private static final int MAX_NAME_LENGTH = 512;
  private static final int MAX_URL_LENGTH = 2048;
  private static final int MAX_ATTACHMENTS = 50;
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private final int maxTextLength;

  /** A mapper that refuses texts longer than {@code maxTextLength} characters (code points). */
  public GenericPostMapper(int maxTextLength) {
    if (maxTextLength < 1) {
      throw new IllegalArgumentException("maxTextLength must be positive");
    }
    this.maxTextLength = maxTextLength;
  }

  /**
   * The channel event for {@code post}, received for {@code account} (from the request path) at
   * {@code receivedAt}; {@code raw} is the request body verbatim.
   *
   * @throws InvalidPostException naming the first field that is missing or wrong
   */
  public ChannelEvent toChannelEvent(
      String account, GenericPost post, String raw, Instant receivedAt)
      throws InvalidPostException {
    return toChannelEvent(Channel.GENERIC, account, post, raw, receivedAt, IngestSource.WEBHOOK);
  }

  /**
   * The same mapping for a post of any {@code channel} that reached Switchboard by {@code source}
   * (the backfill import reads exports of every platform in this shape), so a post imported from a
   * file gets the ids it gets when it arrives live on that channel and account.
   *
   * @throws InvalidPostException naming the first field that is missing or wrong
   */
  public ChannelEvent toChannelEvent(
      Channel channel,
      String account,
      GenericPost post,
      String raw,
      Instant receivedAt,
      IngestSource source)
      throws InvalidPostException {
    if (post == null) {
      throw new InvalidPostException(null, "the body must be a JSON object");
    }
    if (post.account() != null && !post.account().equals(account)) {
      throw new InvalidPostException(
          "account", "account in the body must equal the account in the path, or be left out");
    }
    String platformId = requiredId("platformId", post.platformId());
    String threadRootId = optionalId("threadRootId", post.threadRootId());
    String parentId = optionalId("parentId", post.parentId());
    EventKind kind = enumValue("kind", post.kind(), EventKind.class, EventKind.CREATED);
    int revision = post.revision() == null ? 0 : post.revision();
    if (revision < 0) {
      throw new InvalidPostException("revision", "revision must be 0 or more");
    }
    ItemType itemType = enumValue("itemType", post.itemType(), ItemType.class, ItemType.POST);
    Visibility visibility =
        enumValue("visibility", post.visibility(), Visibility.class, Visibility.PUBLIC);
    String text = text(post.text(), kind);
    Instant createdAt = createdAt(post.createdAt());
    String url = optionalUrl("url", post.url());
    Author author = author(post.author());
    Integer rating = rating(post.rating());
    String language = language(post.language());
    List<Attachment> attachments = attachments(post.attachments());

    String itemId = Ids.itemId(channel, account, platformId);
    String root = threadRootId == null ? platformId : threadRootId;
    return new ChannelEvent(
        Ids.eventId(itemId, kind, revision),
        itemId,
        Ids.conversationKey(channel, account, root),
        channel,
        account,
        platformId,
        kind,
        revision,
        itemType,
        root,
        parentId,
        author,
        text,
        url,
        createdAt,
        receivedAt,
        visibility,
        source,
        rating,
        language,
        attachments,
        raw);
  }

  private static String requiredId(String field, String value) throws InvalidPostException {
    if (value == null || value.isBlank()) {
      throw new InvalidPostException(field, field + " is required");
    }
    return optionalId(field, value);
  }

  private static String optionalId(String field, String value) throws InvalidPostException {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new InvalidPostException(field, field + " must not be blank; leave it out instead");
    }
    unicode(field, value);
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidPostException(
          field, field + " is longer than " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  /**
   * Refuses an unpaired surrogate, which JSON can carry as an escape ({@code "\\ud800"}) but which
   * is not text: it cannot be written as UTF-8, so downstream readers would choke on it.
   */
  private static String unicode(String field, String value) throws InvalidPostException {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidPostException(
            field, field + " holds an unpaired surrogate (\\uD800-\\uDFFF); send Unicode text");
      }
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(
      String field, String value, Class<E> type, E fallback) throws InvalidPostException {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      throw new InvalidPostException(field, field + " must be one of: " + allowed);
    }
  }

  private String text(String text, EventKind kind) throws InvalidPostException {
    if (text == null) {
      if (kind == EventKind.DELETED) {
        return null;
      }
      throw new InvalidPostException("text", "text is required unless kind is deleted");
    }
    if (text.codePointCount(0, text.length()) > maxTextLength) {
      throw new InvalidPostException(
          "text", "text is longer than " + maxTextLength + " characters");
    }
    // Tools post what their platform gave them, often HTML: the same cleaning as every connector.
    return TextCleaner.clean(unicode("text", text));
  }

  private static Instant createdAt(String value) throws InvalidPostException {
    if (value == null || value.isBlank()) {
      throw new InvalidPostException("createdAt", "createdAt is required (RFC 3339)");
    }
    try {
      // ISO_OFFSET_DATE_TIME insists on an offset: a time without one would be ambiguous.
      return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidPostException(
          "createdAt",
          "createdAt must be an RFC 3339 time with an offset, e.g. 2026-11-25T09:30:00Z");
    }
  }

  private static String optionalUrl(String field, String value) throws InvalidPostException {
    if (value == null) {
      return null;
    }
    String problem = field + " must be an absolute http or https URL";
    if (value.length() > MAX_URL_LENGTH) {
      throw new InvalidPostException(field, field + " is longer than " + MAX_URL_LENGTH);
    }
    unicode(field, value);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new InvalidPostException(field, problem);
      }
    } catch (URISyntaxException e) {
      throw new InvalidPostException(field, problem);
    }
    return value;
  }

  private static Author author(GenericPost.GenericAuthor author) throws InvalidPostException {
    if (author == null) {
      return null;
    }
    return new Author(
        optionalId("author.id", author.id()),
        limited("author.name", author.name()),
        limited("author.handle", author.handle()),
        optionalUrl("author.url", author.url()));
  }

  private static String limited(String field, String value) throws InvalidPostException {
    if (value != null && value.length() > MAX_NAME_LENGTH) {
      throw new InvalidPostException(
          field, field + " is longer than " + MAX_NAME_LENGTH + " characters");
    }
    return value == null ? null : unicode(field, value);
  }

  private static Integer rating(Integer rating) throws InvalidPostException {
    if (rating != null && (rating < 1 || rating > 5)) {
      throw new InvalidPostException("rating", "rating must be between 1 and 5");
    }
    return rating;
  }

  private static String language(String language) throws InvalidPostException {
    if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
      throw new InvalidPostException("language", "language must be a BCP 47 tag such as en-GB");
    }
    return language;
  }

  private static List<Attachment> attachments(List<GenericPost.GenericAttachment> attachments)
      throws InvalidPostException {
    if (attachments == null) {
      return List.of();
    }
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw new InvalidPostException(
          "attachments", "at most " + MAX_ATTACHMENTS + " attachments are accepted");
    }
    List<Attachment> mapped = new ArrayList<>(attachments.size());
    for (int i = 0; i < attachments.size(); i++) {
      GenericPost.GenericAttachment attachment = attachments.get(i);
      String field = "attachments[" + i + "]";
      if (attachment == null) {
        throw new InvalidPostException(field, field + " must be an object");
      }
      if (attachment.type() == null || attachment.type().isBlank()) {
        throw new InvalidPostException(field + ".type", field + ".type is required");
      }
      if (attachment.url() == null) {
        throw new InvalidPostException(field + ".url", field + ".url is required");
      }
      mapped.add(
          new Attachment(
              limited(field + ".type", attachment.type()),
              optionalUrl(field + ".url", attachment.url())));
    }
    return List.copyOf(mapped);
  }
}
