package dev.switchboard.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.ingest.fuzz.FuzzCase.Expected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates Graph-style webhook requests from one seed, for {@code POST /webhooks/facebook} (object
 * {@code page}: {@code feed} changes, and {@code messaging} entries, which the Page webhook leaves
 * out) and {@code POST /webhooks/instagram} (object {@code instagram}: {@code comments}, {@code
 * live_comments} and {@code messaging}): valid notifications of each documented kind, single
 * mutations of them, random and truncated bodies, right, wrong, missing and malformed signatures,
 * bodies at and over the size limit, and content types. Each case says what it must get — the
 * status and problem type, and for a 202 how many events and ignored changes — decided from the
 * documented rules ({@code FeedWebhook}, {@code InstagramWebhook}, the controllers' Javadoc), never
 * from the answer. The same seed gives the same requests.
 */
public final class GraphWebhookFuzzer {

  /** The endpoint fuzzed. */
  public enum Target {
    /** The Page feed webhook. */
    FACEBOOK("/webhooks/facebook", "page"),
    /** The Instagram webhook. */
    INSTAGRAM("/webhooks/instagram", "instagram");

    private final String path;
    private final String object;

    Target(String path, String object) {
      this.path = path;
      this.object = object;
    }

    /** The endpoint's path. */
    public String path() {
      return path;
    }
  }

  /**
   * One generated request and what must come back.
   *
   * @param family which generator made it
   * @param description what was done, enough to see the expected answer
   * @param target the endpoint
   * @param contentType the {@code Content-Type}, or null for none
   * @param signature the {@code X-Hub-Signature-256}, or null for none
   * @param body the exact bytes
   * @param chunked sent without {@code Content-Length}
   * @param expected the allowed statuses and problem
   * @param events for a 202, the events the answer must report (and Kafka receive); -1 unchecked
   * @param ignored for a 202, the ignored changes the answer must report; -1 unchecked
   */
  public record Case(
      String family,
      String description,
      Target target,
      String contentType,
      String signature,
      byte[] body,
      boolean chunked,
      Expected expected,
      int events,
      int ignored) {

    /** Family and description, for reports. */
    public String name() {
      return target.name().toLowerCase(Locale.ROOT) + " " + family + ": " + description;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SURROGATE_MARK = "@@LONE-SURROGATE@@";
  private static final String BYTES_MARK = "@@BYTES@@";
  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

  /** Texts at the edges of Unicode that are still text: all must be accepted. */
  private static final List<String> UNICODE_EDGES =
      List.of(
          "emoji 👩‍⚕️🏥 and flags 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
          "Ŵ ŷ Ünïcödé — “quotes” ‘single’",
          "עברית العربية ‮reversed‬",
          "e\u0301 combining" + "\u0301".repeat(300),
          "zero\u200Bwidth\u200D joiner \uFEFF bom",
          "nul \u0000 and bell \u0007 and escape \u001B",
          "non-characters \uFFFE \uFFFF \uFDD0",
          "line \u2028 and paragraph \u2029 separators",
          "𝕋𝕖𝕩𝕥 in plane 1 and 𠜎 in plane 2",
          "<b>html</b> &amp; &#x1F600; &#xD800; &#0;",
          "");

  /** Byte sequences that are not UTF-8, overlong forms and encoded surrogates included. */
  private static final byte[][] NOT_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0xC3, 0x28},
    {(byte) 0xE2, (byte) 0x82},
    {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xC1, (byte) 0xBF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
    {(byte) 0x80},
    {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
    {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}
  };

  private final Random random;
  private final String runId;
  private final Target target;
  private final List<String> watchedIds;
  private final byte[] secret;
  private final byte[] otherSecret;
  private final int bodyLimit;
  private int serial;

  /**
   * A generator for {@code target}, whose app secret is {@code secret}; {@code watchedIds} are the
   * entry ids the service is configured for (digits: Graph ids), {@code otherSecret} a secret the
   * service must not accept for this endpoint (e.g. the other endpoint's), {@code bodyLimit} the
   * service's {@code switchboard.webhook.max-body-bytes}; {@code runId} makes item ids unique.
   */
  public GraphWebhookFuzzer(
      long seed,
      String runId,
      Target target,
      List<String> watchedIds,
      byte[] secret,
      byte[] otherSecret,
      int bodyLimit) {
    this.random = new Random(seed);
    this.runId = runId;
    this.target = target;
    this.watchedIds = List.copyOf(watchedIds);
    this.secret = secret.clone();
    this.otherSecret = otherSecret.clone();
    this.bodyLimit = bodyLimit;
  }

  /** The next request, its family chosen at random with fixed weights. */
  public Case next() {
    int dice = random.nextInt(100);
    if (dice < 14) {
      Payload payload = validPayload();
      return signed("valid", payload.description(), payload);
    } else if (dice < 52) {
      return mutated();
    } else if (dice < 58) {
      return notJson();
    } else if (dice < 62) {
      return truncated();
    } else if (dice < 67) {
      return invalidUtf8();
    } else if (dice < 79) {
      return signature();
    } else if (dice < 88) {
      return size();
    } else if (dice < 95) {
      return contentType();
    }
    return otherEndpoint();
  }

  /** A valid notification with one content item for a watched id: must be 202, one event. */
  public Case marker() {
    Payload payload = new Payload();
    Entry entry = payload.entry(pick(watchedIds), true);
    if (target == Target.FACEBOOK) {
      feedComment(entry, "add");
    } else {
      instagramComment(entry, "comments");
    }
    return signed("marker", "the closing valid notification", payload);
  }

  // ---- the model of a notification ------------------------------------------------------------

  /** What one item of a notification does to the answer. */
  private enum Effect {
    /** An event, when its entry is watched (else an ignored change). */
    CONTENT,
    /** Counted as ignored: a feed change with no content Switchboard keeps. */
    IGNORED,
    /** Not read at all: another field, a read receipt, Page messaging. */
    NOTHING,
    /** Makes the whole body a 400. */
    INVALID
  }

  /** A change or messaging event and the map that holds it. */
  private static final class Item {
    final String kind;
    final Map<String, Object> wrapper; // the change {field, value}, or the messaging event
    final Map<String, Object> value; // what the fields live in: the change's value, or the event
    final boolean needsTime; // whether it needs its own time or the entry's
    Effect effect;
    boolean ownTime;

    Item(String kind, Map<String, Object> wrapper, Map<String, Object> value, Effect effect) {
      this.kind = kind;
      this.wrapper = wrapper;
      this.value = value;
      this.effect = effect;
      this.needsTime = effect == Effect.CONTENT || effect == Effect.IGNORED;
    }
  }

  private static final class Entry {
    final Map<String, Object> map = new LinkedHashMap<>();
    final List<Object> changes = new ArrayList<>();
    final List<Object> messaging = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    boolean watched;
    boolean changesRead = true;
    boolean messagingRead = true;
  }

  private final class Payload {
    final Map<String, Object> root = new LinkedHashMap<>();
    final List<Object> entryList = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    boolean invalid;
    String text; // the body as JSON text when a mutation exists only as text

    Payload() {
      root.put("object", target.object);
      root.put("entry", entryList);
    }

    Entry entry(String id, boolean watched) {
      Entry entry = new Entry();
      entry.watched = watched;
      entry.map.put("id", id);
      entry.map.put("time", T0.getEpochSecond() + serial);
      entryList.add(entry.map);
      entries.add(entry);
      return entry;
    }

    byte[] bytes() {
      return text != null ? text.getBytes(UTF_8) : json(root);
    }

    String description() {
      List<String> kinds = new ArrayList<>();
      for (Entry entry : entries) {
        for (Item item : entry.items) {
          kinds.add(item.kind + (entry.watched ? "" : " (not ours)"));
        }
      }
      return kinds.isEmpty() ? "no entries" : String.join(", ", kinds);
    }

    boolean isInvalid() {
      return invalid
          || entries.stream()
              .flatMap(e -> e.items.stream().filter(i -> read(e, i)))
              .anyMatch(i -> i.effect == Effect.INVALID);
    }

    int events() {
      int events = 0;
      for (Entry entry : entries) {
        for (Item item : entry.items) {
          if (read(entry, item) && item.effect == Effect.CONTENT && entry.watched) {
            events++;
          }
        }
      }
      return events;
    }

    int ignored() {
      int ignored = 0;
      for (Entry entry : entries) {
        for (Item item : entry.items) {
          if (read(entry, item)
              && (item.effect == Effect.IGNORED
                  || item.effect == Effect.CONTENT && !entry.watched)) {
            ignored++;
          }
        }
      }
      return ignored;
    }

    private boolean read(Entry entry, Item item) {
      return entry.messaging.contains(item.wrapper) ? entry.messagingRead : entry.changesRead;
    }
  }

  // ---- valid notifications --------------------------------------------------------------------

  private Payload validPayload() {
    Payload payload = new Payload();
    int entries = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
    for (int e = 0; e < entries; e++) {
      boolean watched = random.nextInt(5) != 0;
      Entry entry = payload.entry(watched ? pick(watchedIds) : unwatchedId(), watched);
      int items = 1 + random.nextInt(3);
      for (int i = 0; i < items; i++) {
        if (target == Target.FACEBOOK) {
          facebookItem(entry);
        } else {
          instagramItem(entry);
        }
      }
    }
    return payload;
  }

  private void facebookItem(Entry entry) {
    int dice = random.nextInt(20);
    if (dice < 7) {
      feedComment(entry, pick(List.of("add", "add", "edited", "edit", "remove", "removed")));
    } else if (dice < 12) {
      feedPost(entry, pick(List.of("add", "add", "edited", "remove")));
    } else if (dice < 14) {
      feedComment(entry, pick(List.of("hide", "unhide", "block", "mute")));
    } else if (dice < 16) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("item", pick(List.of("reaction", "like", "event", "rating")));
      value.put("verb", pick(List.of("add", "remove", "edit")));
      value.put("reaction_type", pick(List.of("like", "love", "angry")));
      value.put("post_id", pageOf(entry) + "_" + id());
      value.put("from", from());
      value.put("created_time", T0.getEpochSecond() + random.nextInt(10_000));
      feedChange(entry, "feed reaction", value, Effect.IGNORED).ownTime = true;
    } else if (dice < 18) {
      otherField(entry, pick(List.of("mention", "ratings", "name", "messages")));
    } else {
      // Messenger notifications come as entry[].messaging; the Page feed webhook leaves them out.
      Map<String, Object> event = messagingEvent(entry, "m_" + id(), "page message", false, false);
      entry.messaging.add(event);
      entry.map.put("messaging", entry.messaging);
      entry.items.add(new Item("page messaging", event, event, Effect.NOTHING));
    }
  }

  private Item feedComment(Entry entry, String verb) {
    String post = pageOf(entry) + "_" + id();
    String comment = post + "_" + id();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", from());
    value.put("post", Map.of("status_type", "added_photos", "id", post));
    value.put("message", randomText());
    value.put("post_id", post);
    value.put("comment_id", comment);
    value.put("parent_id", random.nextBoolean() ? post : post + "_" + id());
    value.put("created_time", time());
    value.put("item", "comment");
    value.put("verb", verb);
    if (verb.startsWith("remove")) {
      value.remove("message");
    }
    Effect effect = verbEffect(verb);
    Item item = feedChange(entry, "feed comment " + verb, value, effect);
    item.ownTime = true;
    return item;
  }

  private void feedPost(Entry entry, String verb) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", from());
    value.put("item", pick(List.of("status", "post", "photo", "video", "share", "link", "note")));
    value.put("post_id", pageOf(entry) + "_" + id());
    value.put("verb", verb);
    value.put("published", 1);
    if (!verb.equals("remove")) {
      value.put("message", randomText());
    }
    if (value.get("item").equals("photo")) {
      value.put("photo_id", id());
      value.put("link", "https://scontent.example/" + id() + ".jpg");
    }
    boolean own = random.nextInt(4) != 0;
    if (own) {
      value.put("created_time", time());
    }
    feedChange(entry, "feed " + value.get("item") + " " + verb, value, verbEffect(verb)).ownTime =
        own;
  }

  private Item feedChange(Entry entry, String kind, Map<String, Object> value, Effect effect) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("field", "feed");
    change.put("value", value);
    entry.changes.add(change);
    entry.map.put("changes", entry.changes);
    Item item = new Item(kind, change, value, effect);
    entry.items.add(item);
    return item;
  }

  private void otherField(Entry entry, String field) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("field", field);
    change.put("value", randomJsonValue(2));
    entry.changes.add(change);
    entry.map.put("changes", entry.changes);
    entry.items.add(new Item("field " + field, change, null, Effect.NOTHING));
  }

  private void instagramItem(Entry entry) {
    int dice = random.nextInt(20);
    if (dice < 8) {
      instagramComment(entry, random.nextInt(4) == 0 ? "live_comments" : "comments");
    } else if (dice < 15) {
      int kind = random.nextInt(4);
      String mid = "aWdfZAG1f" + id();
      Map<String, Object> event =
          switch (kind) {
            case 0 -> messagingEvent(entry, mid, randomText(), true, false);
            case 1 -> messagingEvent(entry, mid, null, false, true);
            case 2 -> {
              Map<String, Object> attachment = messagingEvent(entry, mid, null, false, false);
              @SuppressWarnings("unchecked")
              Map<String, Object> message = (Map<String, Object>) attachment.get("message");
              message.put(
                  "attachments",
                  List.of(
                      Map.of(
                          "type",
                          "image",
                          "payload",
                          Map.of("url", "https://lookaside.example/" + id()))));
              yield attachment;
            }
            default -> messagingEvent(entry, mid, randomText(), false, false);
          };
      String name =
          List.of("message echo", "message unsent", "message attachment", "message").get(kind);
      entry.messaging.add(event);
      entry.map.put("messaging", entry.messaging);
      Item item = new Item(name, event, event, Effect.CONTENT);
      item.ownTime = true;
      entry.items.add(item);
    } else if (dice < 18) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("sender", Map.of("id", "igsid-" + id()));
      event.put("recipient", Map.of("id", entry.map.get("id")));
      event.put("timestamp", T0.toEpochMilli() + random.nextInt(100_000));
      if (random.nextBoolean()) {
        event.put("read", Map.of("mid", "aWdfZAG1f" + id()));
      } else {
        event.put(
            "reaction", Map.of("mid", "aWdfZAG1f" + id(), "action", "react", "reaction", "love"));
      }
      entry.messaging.add(event);
      entry.map.put("messaging", entry.messaging);
      entry.items.add(new Item("read or reaction", event, event, Effect.NOTHING));
    } else {
      otherField(entry, pick(List.of("mentions", "story_insights", "Comments", "messages")));
    }
  }

  private Item instagramComment(Entry entry, String field) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("from", Map.of("id", "ig-" + id(), "username", "user_" + random.nextInt(1000)));
    value.put(
        "media",
        Map.of(
            "id",
            "1790" + id(),
            "media_product_type",
            field.equals("live_comments") ? "LIVE" : "FEED"));
    value.put("id", "1800" + id());
    if (random.nextBoolean()) {
      value.put("parent_id", "1800" + id());
    }
    value.put("text", randomText());
    boolean own = random.nextBoolean();
    if (own) {
      value.put("timestamp", time());
    }
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("field", field);
    change.put("value", value);
    entry.changes.add(change);
    entry.map.put("changes", entry.changes);
    Item item = new Item(field, change, value, Effect.CONTENT);
    item.ownTime = own;
    entry.items.add(item);
    return item;
  }

  private Map<String, Object> messagingEvent(
      Entry entry, String mid, String text, boolean echo, boolean deleted) {
    String person = "igsid-" + id();
    Object account = entry.map.get("id");
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("mid", mid);
    if (text != null) {
      message.put("text", text);
    }
    if (echo) {
      message.put("is_echo", true);
    }
    if (deleted) {
      message.put("is_deleted", true);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("sender", Map.of("id", echo ? account : person));
    event.put("recipient", Map.of("id", echo ? person : account));
    event.put("timestamp", T0.toEpochMilli() + random.nextInt(100_000_000));
    event.put("message", message);
    return event;
  }

  private static Effect verbEffect(String verb) {
    return switch (verb.strip().toLowerCase(Locale.ROOT)) {
      case "add",
          "added",
          "create",
          "created",
          "edit",
          "edited",
          "update",
          "updated",
          "remove",
          "removed",
          "delete",
          "deleted" ->
          Effect.CONTENT;
      default -> Effect.IGNORED;
    };
  }

  // ---- mutations ------------------------------------------------------------------------------

  private Case mutated() {
    Payload payload = validPayload();
    String done = mutate(payload);
    return signed("mutated", done + " [" + payload.description() + "]", payload);
  }

  /** One change to a valid payload; returns what was done. The payload's state follows it. */
  private String mutate(Payload payload) {
    int dice = random.nextInt(100);
    if (dice < 8) {
      return mutateRoot(payload);
    } else if (dice < 30) {
      return mutateEntry(payload, pick(payload.entries));
    }
    List<Item> items = new ArrayList<>();
    for (Entry entry : payload.entries) {
      items.addAll(entry.items.stream().filter(i -> i.value != null).toList());
    }
    if (items.isEmpty()) {
      return mutateEntry(payload, pick(payload.entries));
    }
    Item item = pick(items);
    Entry entry =
        payload.entries.stream().filter(e -> e.items.contains(item)).findFirst().orElseThrow();
    if (item.effect == Effect.NOTHING) {
      // Not read, so anything in it is allowed: wreck it.
      item.value.put(pick(List.of("text", "id", "sender", "x-other")), randomJsonValue(2));
      return "a field of an unread " + item.kind + " replaced";
    }
    if (dice < 36) {
      return deepNesting(payload, item);
    }
    if (dice < 52) {
      return mutateText(payload, item);
    }
    return switch (item.kind.startsWith("feed") ? 0 : item.kind.startsWith("message") ? 2 : 1) {
      case 0 -> mutateFeed(item);
      case 1 -> mutateComment(item);
      default -> mutateMessage(entry, item);
    };
  }

  private String mutateRoot(Payload payload) {
    switch (random.nextInt(4)) {
      case 0 -> {
        Object object =
            pick(
                List.of(
                    "user",
                    "Page",
                    " " + target.object,
                    target.object.toUpperCase(Locale.ROOT),
                    other().object,
                    42,
                    List.of(target.object),
                    ""));
        payload.root.put("object", object);
        payload.invalid = true;
        return "object " + jsonString(object);
      }
      case 1 -> {
        if (random.nextBoolean()) {
          payload.root.remove("object");
          payload.invalid = true;
          return "without object";
        }
        Object entry = pick(List.of("x", 42, Map.of("id", "1"), true));
        payload.root.put("entry", entry);
        payload.invalid = true;
        return "entry " + jsonString(entry);
      }
      case 2 -> {
        if (random.nextBoolean()) {
          payload.root.remove("entry");
        } else {
          payload.root.put("entry", null);
        }
        payload.invalid = true;
        return "entry missing or null";
      }
      default -> {
        payload.entries.clear();
        payload.entryList.clear();
        return "entry empty";
      }
    }
  }

  private String mutateEntry(Payload payload, Entry entry) {
    Map<String, Object> map = entry.map;
    switch (random.nextInt(9)) {
      case 0 -> {
        Object replacement = pick(List.of("x", 42, List.of(), true));
        payload.entryList.set(payload.entryList.indexOf(map), replacement);
        payload.invalid = true;
        return "an entry is " + jsonString(replacement);
      }
      case 1 -> {
        Object id = pick(List.of("", "   ", Map.of("id", "1"), List.of("1")));
        map.put("id", id);
        payload.invalid = true;
        return "entry id " + jsonString(id);
      }
      case 2 -> {
        if (random.nextBoolean()) {
          map.remove("id");
        } else {
          map.put("id", null);
        }
        payload.invalid = true;
        return "entry id missing or null";
      }
      case 3 -> {
        // Graph ids are digits: as a JSON number it is the same id.
        map.put("id", Long.parseLong((String) map.get("id")));
        return "entry id as a number";
      }
      case 4 -> {
        Object time =
            pick(List.of("yesterday", "2026-13-45T00:00:00+0000", Map.of("t", 1), List.of(1), ""));
        if (random.nextBoolean()) {
          map.remove("time");
        } else {
          map.put("time", time);
        }
        if (entry.items.stream().anyMatch(i -> i.needsTime && !i.ownTime && read(entry, i))) {
          payload.invalid = true;
        }
        return "entry time missing or not a time";
      }
      case 5 -> {
        long seconds = ((Number) map.get("time")).longValue();
        Object time =
            pick(
                List.of(
                    Long.toString(seconds),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
                        .format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)),
                    Instant.ofEpochSecond(seconds).toString()));
        map.put("time", time);
        return "entry time " + jsonString(time);
      }
      case 6 -> {
        Object changes = pick(List.of(Map.of("field", "feed"), "x", 42));
        if (!entry.changes.isEmpty() || random.nextBoolean()) {
          map.put("changes", changes);
          payload.invalid = true;
          return "entry changes " + jsonString(changes);
        }
        map.put("changes", null);
        entry.changesRead = false;
        return "entry changes null";
      }
      case 7 -> {
        if (random.nextBoolean()) {
          map.put("changes", null);
          entry.changesRead = false;
          return "entry changes null";
        }
        map.remove("changes");
        entry.changesRead = false;
        return "entry without changes";
      }
      default -> {
        Object messaging = pick(List.of(Map.of("message", Map.of()), "x", 42));
        map.put("messaging", messaging);
        if (target == Target.INSTAGRAM) {
          payload.invalid = true;
        } else {
          entry.messagingRead = false; // Page messaging is not read at all
        }
        return "entry messaging " + jsonString(messaging);
      }
    }
  }

  private boolean read(Entry entry, Item item) {
    return entry.messaging.contains(item.wrapper) ? entry.messagingRead : entry.changesRead;
  }

  private String deepNesting(Payload payload, Item item) {
    boolean deep = random.nextBoolean();
    int depth = deep ? 3000 + random.nextInt(5000) : 2 + random.nextInt(100);
    String nesting = "[".repeat(depth) + "]".repeat(depth);
    String field = random.nextBoolean() ? "x-extra" : textField(item);
    Map<String, Object> holder = item.kind.startsWith("message") ? message(item) : item.value;
    holder.put(field, "@@NESTING@@");
    payload.text = jsonString(payload.root).replace("\"@@NESTING@@\"", nesting);
    if (field.equals("x-extra") && deep) {
      // A parser may refuse a document nested this deep; either answer is right, never a 5xx.
      item.effect = null;
      return "unknown field nested " + depth + " deep";
    }
    if (!field.equals("x-extra")) {
      item.effect = Effect.INVALID;
    }
    return field + " nested " + depth + " deep";
  }

  private String mutateText(Payload payload, Item item) {
    String field = textField(item);
    Map<String, Object> holder = item.kind.startsWith("message") ? message(item) : item.value;
    switch (random.nextInt(6)) {
      case 0 -> {
        Object value = pick(List.of(42, true, 1.5, Map.of("text", "x"), List.of("x")));
        holder.put(field, value);
        item.effect = Effect.INVALID;
        return field + " is " + jsonString(value);
      }
      case 1 -> {
        if (random.nextBoolean()) {
          holder.remove(field);
        } else {
          holder.put(field, null);
        }
        return field + " missing or null (no text is allowed)";
      }
      case 2 -> {
        int length = 1000 + random.nextInt(bodyLimit);
        holder.put(field, "long text ".repeat(length / 10));
        return field + " of " + length + " characters";
      }
      case 3 -> {
        String text = pick(UNICODE_EDGES);
        holder.put(field, text);
        return field + " " + jsonString(text);
      }
      default -> {
        holder.put(field, "before " + SURROGATE_MARK + " after");
        String escape = pick(List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "\\uDBFF x"));
        payload.text = jsonString(payload.root).replace(SURROGATE_MARK, escape);
        item.effect = Effect.INVALID;
        return field + " with a lone surrogate escape " + escape;
      }
    }
  }

  private String mutateFeed(Item item) {
    Map<String, Object> value = item.value;
    boolean comment = "comment".equals(value.get("item"));
    switch (random.nextInt(10)) {
      case 0 -> {
        Object replacement = pick(List.of("x", 42, List.of(value), true));
        item.wrapper.put("value", replacement);
        item.effect = Effect.INVALID;
        return "value is " + brief(replacement);
      }
      case 1 -> {
        if (random.nextBoolean()) {
          item.wrapper.remove("value");
        } else {
          item.wrapper.put("value", null);
        }
        item.effect = Effect.INVALID;
        return "value missing or null";
      }
      case 2 -> {
        String field = comment && random.nextBoolean() ? "comment_id" : "post_id";
        Object bad = pick(List.of(Map.of("id", "1"), List.of("1")));
        if (random.nextBoolean()) {
          value.remove(field);
        } else {
          value.put(field, random.nextBoolean() ? null : bad);
        }
        item.effect = Effect.INVALID;
        return field + " missing, null or not a scalar";
      }
      case 3 -> {
        Object bad = pick(List.of(Map.of("id", "1"), List.of("1")));
        if (random.nextBoolean()) {
          value.remove("item");
        } else {
          value.put("item", random.nextBoolean() ? null : bad);
        }
        item.effect = Effect.INVALID;
        return "item missing, null or not a scalar";
      }
      case 4 -> {
        String spelled = ((String) value.get("item")).toUpperCase(Locale.ROOT);
        value.put("item", spelled);
        return "item " + spelled;
      }
      case 5 -> {
        value.put("item", 42);
        item.effect = Effect.IGNORED;
        return "item 42";
      }
      case 6 -> {
        Object verb = pick(List.of("block", "", "liked", 7, List.of("add"), "hidden"));
        if (random.nextBoolean()) {
          value.remove("verb");
          verb = "missing";
        } else {
          value.put("verb", verb);
        }
        item.effect = Effect.IGNORED;
        return "verb " + jsonString(verb);
      }
      case 7 -> {
        String verb = (String) value.get("verb");
        String spelled = random.nextBoolean() ? verb.toUpperCase(Locale.ROOT) : " " + verb + "\t";
        value.put("verb", spelled);
        return "verb " + jsonString(spelled);
      }
      case 8 -> {
        Object time = pick(List.of("yesterday", Map.of("t", 1), List.of(1), "", "2026-11-25"));
        value.put("created_time", time);
        item.ownTime = false; // the entry's time is used
        return "created_time " + jsonString(time) + " (the entry's time is used)";
      }
      default -> {
        Object from = pick(List.of("someone", List.of("a"), 42, Map.of("id", 12345)));
        value.put("from", from);
        return "from " + jsonString(from);
      }
    }
  }

  private String mutateComment(Item item) {
    Map<String, Object> value = item.value;
    switch (random.nextInt(7)) {
      case 0 -> {
        Object replacement = pick(List.of("x", 42, List.of(value)));
        if (random.nextBoolean()) {
          item.wrapper.put("value", replacement);
        } else {
          item.wrapper.remove("value");
        }
        item.effect = Effect.INVALID;
        return "value missing or not an object";
      }
      case 1 -> {
        Object id = pick(List.of("", " ", Map.of("id", "1")));
        if (random.nextBoolean()) {
          value.remove("id");
        } else {
          value.put("id", id);
        }
        item.effect = Effect.INVALID;
        return "id missing or " + jsonString(id);
      }
      case 2 -> {
        Object media = pick(List.of("x", List.of("1"), Map.of("media_product_type", "FEED")));
        if (random.nextBoolean()) {
          value.remove("media");
        } else {
          value.put("media", media);
        }
        item.effect = Effect.INVALID;
        return "media missing or without id";
      }
      case 3 -> {
        value.put("id", Long.parseLong((String) value.get("id")));
        return "id as a number";
      }
      case 4 -> {
        Object time = pick(List.of("yesterday", Map.of("t", 1), List.of(1), ""));
        value.put("timestamp", time);
        item.ownTime = false;
        return "timestamp " + jsonString(time) + " (the entry's time is used)";
      }
      case 5 -> {
        Object field = pick(List.of("mentions", "Comments", 42, "comment"));
        item.wrapper.put("field", field);
        item.effect = Effect.NOTHING;
        return "field " + jsonString(field);
      }
      default -> {
        Object from = pick(List.of("someone", List.of("a"), 42));
        value.put("from", from);
        return "from " + jsonString(from);
      }
    }
  }

  private String mutateMessage(Entry entry, Item item) {
    Map<String, Object> event = item.value;
    Map<String, Object> message = message(item);
    switch (random.nextInt(7)) {
      case 0 -> {
        Object replacement = pick(List.of("x", 42, List.of(message), true));
        event.put("message", replacement);
        item.effect = Effect.INVALID;
        return "message is " + brief(replacement);
      }
      case 1 -> {
        event.put("message", null);
        item.effect = Effect.NOTHING;
        return "message null (like a read receipt)";
      }
      case 2 -> {
        Object mid = pick(List.of("", "  ", Map.of("id", "1")));
        if (random.nextBoolean()) {
          message.remove("mid");
        } else {
          message.put("mid", mid);
        }
        item.effect = Effect.INVALID;
        return "mid missing or " + jsonString(mid);
      }
      case 3 -> {
        Object sender = pick(List.of("x", List.of("1"), Map.of("name", "no id")));
        if (random.nextBoolean()) {
          event.remove("sender");
        } else {
          event.put("sender", sender);
        }
        item.effect = Effect.INVALID;
        return "sender missing or without id";
      }
      case 4 -> {
        Object time = pick(List.of("yesterday", Map.of("t", 1), "", List.of(1)));
        event.put("timestamp", time);
        item.ownTime = false;
        return "timestamp " + jsonString(time) + " (the entry's time is used)";
      }
      case 5 -> {
        long millis = ((Number) event.get("timestamp")).longValue();
        Object time =
            pick(List.of(millis / 1000, Long.toString(millis), Long.toString(millis / 1000)));
        event.put("timestamp", time);
        return "timestamp " + jsonString(time) + " (seconds or milliseconds)";
      }
      default -> {
        if (Boolean.TRUE.equals(message.get("is_echo"))) {
          event.remove("recipient");
          item.effect = Effect.INVALID;
          return "an echo without recipient";
        }
        event.put("recipient", "not an object");
        return "recipient not an object (only an echo needs it)";
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> message(Item item) {
    return (Map<String, Object>) item.value.get("message");
  }

  private static String brief(Object value) {
    String text = jsonString(value);
    return text.length() > 12 ? text.substring(0, 12) + "…" : text;
  }

  private static String textField(Item item) {
    return item.kind.startsWith("feed") ? "message" : "text";
  }

  // ---- bodies that are not notifications ------------------------------------------------------

  private Case notJson() {
    byte[] body =
        switch (random.nextInt(6)) {
          case 0 -> "hello".getBytes(UTF_8);
          case 1 -> ("<entry object=\"" + target.object + "\"/>").getBytes(UTF_8);
          case 2 -> ("object=" + target.object + "&entry=1").getBytes(UTF_8);
          case 3 -> json(randomJsonValue(3));
          case 4 -> json(pick(List.of(List.of(), "page", 42, true)));
          default -> {
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
              bytes[0] = '{';
            }
            yield bytes;
          }
        };
    return signed(
        "not-json",
        body.length + " bytes that are no notification",
        body,
        Expected.problem(400, "invalid-body"),
        -1,
        -1);
  }

  private Case truncated() {
    Payload payload = validPayload();
    byte[] whole = payload.bytes();
    int length = random.nextInt(whole.length);
    byte[] body = java.util.Arrays.copyOf(whole, length);
    return signed(
        "truncated",
        "the first " + length + " of " + whole.length + " bytes",
        body,
        length == 0 ? Expected.rejected() : Expected.problem(400, "invalid-body"),
        -1,
        -1);
  }

  private Case invalidUtf8() {
    Payload payload = validPayload();
    List<Item> texts = new ArrayList<>();
    for (Entry entry : payload.entries) {
      texts.addAll(entry.items.stream().filter(i -> i.effect == Effect.CONTENT).toList());
    }
    byte[] bad = NOT_UTF8[random.nextInt(NOT_UTF8.length)];
    String where;
    if (texts.isEmpty()) {
      payload.root.put("x-note", "before " + BYTES_MARK + " after");
      where = "an unknown field";
    } else {
      Item item = pick(texts);
      Map<String, Object> holder = item.kind.startsWith("message") ? message(item) : item.value;
      holder.put(textField(item), "before " + BYTES_MARK + " after");
      where = item.kind;
    }
    byte[] body = json(payload.root);
    int at = indexOf(body, BYTES_MARK.getBytes(UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, at);
    out.write(bad, 0, bad.length);
    out.write(body, at + BYTES_MARK.length(), body.length - at - BYTES_MARK.length());
    return signed(
        "invalid-utf8",
        "the bytes " + HexFormat.ofDelimiter(" ").formatHex(bad) + " in the text of " + where,
        out.toByteArray(),
        Expected.problem(400, "invalid-body"),
        -1,
        -1);
  }

  private Case otherEndpoint() {
    Target other = other();
    GraphWebhookFuzzer foreign =
        new GraphWebhookFuzzer(
            random.nextLong(), runId, other, watchedIds, secret, otherSecret, bodyLimit);
    Payload payload = foreign.validPayload();
    return signed(
        "other-endpoint",
        other.object + " notification [" + payload.description() + "]",
        payload.bytes(),
        Expected.problem(400, "invalid-body"),
        -1,
        -1);
  }

  // ---- headers and sizes ----------------------------------------------------------------------

  private Case signature() {
    Payload payload = validPayload();
    byte[] body =
        random.nextInt(4) == 0 ? "not even json".getBytes(UTF_8) : payload.bytes(); // 401 first
    String good = HubSignature.sign(secret, body);
    String hex = good.substring("sha256=".length());
    Expected missing = Expected.problem(401, "missing-signature");
    Expected malformed = Expected.problem(401, "malformed-signature");
    Expected bad = Expected.problem(401, "bad-signature");
    String what = body.length == 13 ? " (body not JSON)" : "";
    return switch (random.nextInt(10)) {
      case 0 -> header("no signature" + what, body, null, missing);
      case 1 -> header("blank signature" + what, body, " ", missing);
      case 2 ->
          header(
              "signed with another secret" + what,
              body,
              HubSignature.sign(("not-" + runId).getBytes(UTF_8), body),
              bad);
      case 3 ->
          header(
              "signed with the other endpoint's secret" + what,
              body,
              HubSignature.sign(otherSecret, body),
              bad);
      case 4 -> {
        byte[] other = body.clone();
        other[random.nextInt(other.length)] ^= 1;
        yield header(
            "signature of a body one bit different" + what,
            body,
            HubSignature.sign(secret, other),
            bad);
      }
      case 5 -> {
        int length = random.nextBoolean() ? random.nextInt(64) : 65 + random.nextInt(8);
        yield header(
            length + " hex digits" + what,
            body,
            "sha256=" + (hex + hex).substring(0, length),
            malformed);
      }
      case 6 -> {
        String header =
            pick(List.of("sha1=" + hex.substring(0, 40), "SHA256=" + hex, hex, "sha256:" + hex));
        yield header("signature " + header.substring(0, 7) + "…" + what, body, header, malformed);
      }
      case 7 -> {
        char[] chars = hex.toCharArray();
        chars[random.nextInt(chars.length)] = "ghxz-+ .".charAt(random.nextInt(8));
        yield header("a non-hex digit" + what, body, "sha256=" + new String(chars), malformed);
      }
      default -> {
        if (body.length == 13) {
          yield header(
              "right signature, body not JSON", body, good, Expected.problem(400, "invalid-body"));
        }
        // HubSignature accepts the hex digits in either case.
        yield new Case(
            "signature",
            "the right signature in upper-case hex [" + payload.description() + "]",
            target,
            "application/json",
            "sha256=" + hex.toUpperCase(Locale.ROOT),
            body,
            false,
            expected(payload),
            events(payload),
            ignored(payload));
      }
    };
  }

  private Case header(String description, byte[] body, String signature, Expected expected) {
    return new Case(
        "signature",
        description,
        target,
        "application/json",
        signature,
        body,
        false,
        sized(body, expected),
        -1,
        -1);
  }

  private Case size() {
    Payload payload = validPayload();
    int dice = random.nextInt(10);
    if (dice < 3) {
      int target = bodyLimit - (dice == 0 ? 1 : 0);
      byte[] body = padTo(payload, target);
      return new Case(
          "size",
          "a valid notification of " + body.length + " bytes [" + payload.description() + "]",
          this.target,
          "application/json",
          HubSignature.sign(secret, body),
          body,
          random.nextInt(3) == 0,
          expected(payload),
          events(payload),
          ignored(payload));
    }
    if (dice == 3) {
      byte[] body = new byte[0];
      return new Case(
          "size",
          "an empty body, signed",
          target,
          "application/json",
          HubSignature.sign(secret, body),
          body,
          random.nextBoolean(),
          Expected.rejected(),
          -1,
          -1);
    }
    int size =
        switch (dice) {
          case 4, 5 -> bodyLimit + 1;
          case 6, 7 -> bodyLimit + 1 + random.nextInt(bodyLimit * 3);
          case 8 -> 256 * 1024 + random.nextInt(64 * 1024);
          default -> 1024 * 1024 + random.nextInt(1024 * 1024);
        };
    byte[] body = padTo(payload, size);
    boolean chunked = random.nextInt(3) == 0;
    boolean unsigned = random.nextInt(4) == 0;
    return new Case(
        "size",
        "a notification of "
            + body.length
            + " bytes"
            + (chunked ? ", chunked" : "")
            + (unsigned ? ", unsigned" : ""),
        target,
        "application/json",
        unsigned ? null : HubSignature.sign(secret, body),
        body,
        chunked,
        Expected.problem(413, "body-too-large"),
        -1,
        -1);
  }

  private Case contentType() {
    Payload payload = validPayload();
    byte[] body = payload.bytes();
    String[] accepted = {
      "application/json",
      "application/json; charset=UTF-8",
      "application/json;charset=utf-8",
      "APPLICATION/JSON"
    };
    String[] refused = {
      "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data"
    };
    int dice = random.nextInt(accepted.length + refused.length + 1);
    String type;
    Expected expected;
    int events = -1;
    int ignored = -1;
    if (dice < accepted.length) {
      type = accepted[dice];
      expected = expected(payload);
      events = events(payload);
      ignored = ignored(payload);
    } else if (dice < accepted.length + refused.length) {
      type = refused[dice - accepted.length];
      expected = Expected.problem(415, "unsupported-media-type");
    } else {
      type = null;
      expected = Expected.acceptedOrRejected();
    }
    return new Case(
        "content-type",
        "Content-Type " + type + " [" + payload.description() + "]",
        target,
        type,
        HubSignature.sign(secret, body),
        body,
        false,
        expected,
        events,
        ignored);
  }

  // ---- expectations ---------------------------------------------------------------------------

  private Case signed(String family, String description, Payload payload) {
    byte[] body = payload.bytes();
    return signed(family, description, body, expected(payload), events(payload), ignored(payload));
  }

  private Case signed(
      String family, String description, byte[] body, Expected expected, int events, int ignored) {
    boolean tooLarge = body.length > bodyLimit;
    return new Case(
        family,
        description,
        target,
        "application/json",
        HubSignature.sign(secret, body),
        body,
        false,
        sized(body, expected),
        tooLarge ? -1 : events,
        tooLarge ? -1 : ignored);
  }

  private static Expected expected(Payload payload) {
    if (unknown(payload)) {
      return Expected.acceptedOrRejected();
    }
    return payload.isInvalid() ? Expected.problem(400, "invalid-body") : Expected.accepted();
  }

  private static int events(Payload payload) {
    return unknown(payload) || payload.isInvalid() ? -1 : payload.events();
  }

  private static int ignored(Payload payload) {
    return unknown(payload) || payload.isInvalid() ? -1 : payload.ignored();
  }

  /** An item whose effect no rule fixes (a document nested deeper than a parser may take). */
  private static boolean unknown(Payload payload) {
    return !payload.invalid
        && payload.entries.stream().flatMap(e -> e.items.stream()).anyMatch(i -> i.effect == null);
  }

  /** The size is checked before anything else: an oversize body gets 413 whatever it holds. */
  private Expected sized(byte[] body, Expected expected) {
    return body.length > bodyLimit ? Expected.problem(413, "body-too-large") : expected;
  }

  // ---- sending and checking -------------------------------------------------------------------

  /** Sends {@code fuzz} to the service at {@code base}. */
  public static HttpResponse<String> send(HttpClient http, URI base, Case fuzz)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body =
        fuzz.chunked()
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fuzz.body()))
            : HttpRequest.BodyPublishers.ofByteArray(fuzz.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(fuzz.target().path()))
            .timeout(Duration.ofSeconds(30))
            .POST(body);
    if (fuzz.contentType() != null) {
      request.header("Content-Type", fuzz.contentType());
    }
    if (fuzz.signature() != null) {
      request.header(HubSignature.HEADER, fuzz.signature());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code fuzz} and checks the answer: the expected status, a complete problem+json of the
   * expected type for a 4xx, and for a 202 the expected counts, whose event ids are added to {@code
   * acceptedEventIds}. Returns why the answer is wrong, or null.
   */
  public static String sendAndCheck(
      HttpClient http,
      URI base,
      int index,
      Case fuzz,
      List<String> acceptedEventIds,
      Map<String, int[]> counts) {
    String name = "#" + index + " " + fuzz.name();
    HttpResponse<String> response;
    try {
      response = send(http, base, fuzz);
    } catch (IOException e) {
      return name + ": no HTTP answer (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return name + ": interrupted";
    }
    int status = response.statusCode();
    counts.computeIfAbsent(fuzz.family() + "/" + status, k -> new int[1])[0]++;
    String seen = name + ": expected " + fuzz.expected() + " but got " + status;
    if (!fuzz.expected().allows(status)) {
      return seen + " " + abbreviate(response.body());
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      return seen + " with a body that is not JSON: " + abbreviate(response.body());
    }
    if (status == 202) {
      List<String> ids = new ArrayList<>();
      // An answer with no events may leave out the empty list.
      answer.path("eventIds").forEach(id -> ids.add(id.asString()));
      int events = answer.path("events").asInt(-1);
      int ignored = answer.path("ignored").asInt(-1);
      if (ids.size() != events) {
        return seen + " reporting " + events + " events but ids " + ids;
      }
      acceptedEventIds.addAll(ids);
      if (fuzz.events() >= 0 && fuzz.events() != events
          || fuzz.ignored() >= 0 && fuzz.ignored() != ignored) {
        return seen
            + " with "
            + events
            + " events and "
            + ignored
            + " ignored, not "
            + fuzz.events()
            + " and "
            + fuzz.ignored();
      }
      return null;
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!contentType.startsWith("application/problem+json")) {
      return seen + " with Content-Type " + contentType;
    }
    if (!answer.path("type").asString("").startsWith("https://switchboard.dev/problems/")
        || answer.path("title").asString("").isBlank()
        || answer.path("status").asInt() != status) {
      return seen + " with an incomplete problem " + abbreviate(response.body());
    }
    String slug = fuzz.expected().slug();
    if (slug != null && !answer.get("type").asString().endsWith("/" + slug)) {
      return seen + " of type " + answer.get("type").asString() + ", not " + slug;
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  // ---- material -------------------------------------------------------------------------------

  private Target other() {
    return target == Target.FACEBOOK ? Target.INSTAGRAM : Target.FACEBOOK;
  }

  private String id() {
    return Long.toString(Math.abs((long) runId.hashCode()) % 1_000_000) + "0" + serial++;
  }

  private String unwatchedId() {
    String id;
    do {
      id = "9" + (100_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 900_000_000_000L);
    } while (watchedIds.contains(id));
    return id;
  }

  private static String pageOf(Entry entry) {
    return String.valueOf(entry.map.get("id"));
  }

  private Map<String, Object> from() {
    return Map.of("id", "u" + id(), "name", pick(List.of("Pat Jones", "Siân Ifans", "李雷", "J")));
  }

  /** A time as Graph sends it: mostly epoch seconds, sometimes Graph's or ISO text. */
  private Object time() {
    long seconds = T0.getEpochSecond() - random.nextInt(10_000_000);
    return switch (random.nextInt(6)) {
      case 0 ->
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
              .format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
      case 1 -> Long.toString(seconds);
      default -> seconds;
    };
  }

  private String randomText() {
    int length = 1 + random.nextInt(200);
    StringBuilder text = new StringBuilder();
    int[][] ranges = {
      {0x20, 0x7E}, {0x20, 0x7E}, {0xA0, 0xFF}, {0x174, 0x177}, {0x0600, 0x06FF},
      {0x4E00, 0x4FFF}, {0x1F600, 0x1F64F}, {0x0300, 0x036F}, {0x200B, 0x200F}, {0x00, 0x1F}
    };
    for (int i = 0; i < length; i++) {
      int[] range = ranges[random.nextInt(ranges.length)];
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  private Object randomJsonValue(int depth) {
    int dice = random.nextInt(depth > 0 ? 7 : 5);
    return switch (dice) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 4 -> randomText();
      case 5 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomJsonValue(depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          map.put(
              pick(List.of("id", "entry", "object", "changes", "value", "x" + i)),
              randomJsonValue(depth - 1));
        }
        yield map;
      }
    };
  }

  private byte[] padTo(Payload payload, int size) {
    payload.root.put("x-padding", "");
    int base = payload.bytes().length;
    payload.root.put("x-padding", "p".repeat(Math.max(0, size - base)));
    if (payload.text != null) {
      payload.text = null; // padding is applied to valid payloads only
    }
    return payload.bytes();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("marker not found");
  }

  private static byte[] json(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  private static String jsonString(Object value) {
    return JSON.writeValueAsString(value);
  }
}
