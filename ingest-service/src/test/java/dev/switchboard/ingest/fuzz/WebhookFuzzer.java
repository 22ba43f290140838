package dev.switchboard.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.ingest.fuzz.FuzzCase.Expected;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates webhook requests from one seed — random bytes, random JSON, mutated valid posts, bad
 * signatures, bodies over and at the size limit — each with the answer docs/generic-webhook.md
 * promises. The same seed gives the same requests, so a failure is replayed with {@code
 * -Dfuzz.seed}.
 */
final class WebhookFuzzer {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> KINDS = List.of("created", "edited", "deleted");
  private static final List<String> ITEM_TYPES =
      List.of(
          "post", "comment", "reply", "review", "story", "mention", "private_message", "article");
  private static final List<String> VISIBILITIES = List.of("public", "private");
  private static final List<String> STRING_FIELDS =
      List.of(
          "platformId",
          "threadRootId",
          "parentId",
          "kind",
          "itemType",
          "text",
          "url",
          "createdAt",
          "visibility",
          "language");
  private static final List<String> BAD_DATES =
      List.of(
          "2026-11-25T09:58:00",
          "2026-11-25",
          "25/11/2026 09:58",
          "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z",
          "2026-11-25T25:00:00Z",
          "2026-11-25T09:58:00+25:00",
          "2026-11-25 09:58:00Z",
          "yesterday",
          "1732528680",
          "",
          "   ",
          "2026-11-25T09:58:00ZZ",
          "２０２６-11-25T09:58:00Z",
          "0000-00-00T00:00:00Z");
  private static final List<String> BAD_URLS =
      List.of(
          "javascript:alert(1)",
          "ftp://files.example/x",
          "/relative/path",
          "http://",
          "https:// spaced.example",
          "not a url",
          "mailto:someone@example.org",
          "");
  private static final List<String> BAD_LANGUAGES =
      List.of("en_GB", "e", "123", "en-", "-GB", "english please", "en--GB", "");
  private static final String SURROGATE_MARK = "@@LONE-SURROGATE@@";

  private final Random random;
  private final String runId;
  private final String account;
  private final byte[] secret;
  private final int bodyLimit;
  private final int textLimit;
  private int serial;

  /**
   * A generator for {@code account}, whose secret is {@code secret}, against a service configured
   * with these limits; {@code runId} makes the platform ids of this run unique.
   */
  WebhookFuzzer(
      long seed, String runId, String account, byte[] secret, int bodyLimit, int textLimit) {
    this.random = new Random(seed);
    this.runId = runId;
    this.account = account;
    this.secret = secret.clone();
    this.bodyLimit = bodyLimit;
    this.textLimit = textLimit;
  }

  /** The next request, its family chosen at random with fixed weights. */
  FuzzCase next() {
    int dice = random.nextInt(100);
    if (dice < 10) {
      return signed("valid", "a valid post", json(validPost()), Expected.accepted());
    } else if (dice < 18) {
      return randomBytes();
    } else if (dice < 27) {
      return randomJson();
    } else if (dice < 55) {
      return mutated();
    } else if (dice < 70) {
      return signature();
    } else if (dice < 80) {
      return size();
    } else if (dice < 86) {
      return invalidUtf8();
    } else if (dice < 93) {
      return contentType();
    }
    return unknownAccount();
  }

  /** A valid post that must be accepted: the marker proving the topic is read at all. */
  FuzzCase marker() {
    return signed("marker", "the closing valid post", json(validPost()), Expected.accepted());
  }

  // ---- families -------------------------------------------------------------------------------

  private FuzzCase randomBytes() {
    byte[] body = new byte[random.nextInt(3000)];
    random.nextBytes(body);
    if (random.nextBoolean() && body.length > 0) {
      body[0] = '{'; // get past the first byte, into the parser's deeper paths
    }
    return signed("random-bytes", body.length + " random bytes", body, Expected.rejected());
  }

  private FuzzCase randomJson() {
    Object value = randomJsonValue(4);
    return signed(
        "random-json",
        "random JSON " + (value == null ? "null" : value.getClass().getSimpleName()),
        json(value),
        Expected.acceptedOrRejected());
  }

  private FuzzCase mutated() {
    Map<String, Object> post = validPost();
    // Mostly one change, whose answer is known exactly; several may undo each other (a later one
    // puts back a field an earlier one removed), so then only "202 or 4xx" is promised.
    int count = random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
    List<String> done = new ArrayList<>();
    Expected expected = Expected.accepted();
    String jsonText = null;
    for (int i = 0; i < count; i++) {
      Mutation mutation = mutate(post);
      done.add(mutation.description());
      expected = count == 1 ? mutation.expected() : Expected.acceptedOrRejected();
      if (mutation.duplicate() != null) {
        jsonText = mutation.duplicate();
        break; // a duplicated key exists only in the text: stop mutating the map
      }
    }
    if (jsonText == null) {
      jsonText = jsonString(post);
    }
    return signed("mutated", String.join("; ", done), jsonText.getBytes(UTF_8), expected);
  }

  private FuzzCase signature() {
    byte[] body = json(validPost());
    String good = HubSignature.sign(secret, body);
    String hex = good.substring("sha256=".length());
    return switch (random.nextInt(9)) {
      case 0 -> request("signature", "no signature", account, body, null, missing());
      case 1 -> request("signature", "blank signature", account, body, "   ", missing());
      case 2 ->
          request(
              "signature",
              "signed with another secret",
              account,
              body,
              HubSignature.sign(("not-" + runId).getBytes(UTF_8), body),
              Expected.problem(401, "bad-signature"));
      case 3 -> {
        byte[] other = body.clone();
        other[1 + random.nextInt(other.length - 2)] ^= 1;
        yield request(
            "signature",
            "signature of a body differing in one bit",
            account,
            body,
            HubSignature.sign(secret, other),
            Expected.problem(401, "bad-signature"));
      }
      case 4 -> {
        int length = random.nextBoolean() ? random.nextInt(64) : 65 + random.nextInt(8);
        String wrongLength = (hex + hex).substring(0, length);
        yield request(
            "signature",
            "sha256= and " + length + " hex digits",
            account,
            body,
            "sha256=" + wrongLength,
            malformed());
      }
      case 5 ->
          request(
              "signature",
              "sha1= prefix",
              account,
              body,
              "sha1=" + hex.substring(0, 40),
              malformed());
      case 6 -> request("signature", "SHA256= prefix", account, body, "SHA256=" + hex, malformed());
      case 7 -> {
        char[] chars = hex.toCharArray();
        chars[random.nextInt(chars.length)] = "ghxz-+ .".charAt(random.nextInt(8));
        yield request(
            "signature",
            "a non-hex character in the digits",
            account,
            body,
            "sha256=" + new String(chars),
            malformed());
      }
      default ->
          // The check accepts hex digits in either case (HubSignature): still the right signature.
          request(
              "signature",
              "the right signature in upper-case hex",
              account,
              body,
              "sha256=" + hex.toUpperCase(Locale.ROOT),
              Expected.accepted());
    };
  }

  private FuzzCase size() {
    Map<String, Object> post = validPost();
    int dice = random.nextInt(10);
    if (dice < 3) {
      // At or just under the limit: the largest bodies that must still be accepted.
      int target = bodyLimit - (dice == 0 ? 1 : 0);
      byte[] body = padTo(post, target);
      return signed("size", "a valid post of " + body.length + " bytes", body, Expected.accepted());
    }
    int target =
        switch (dice) {
          case 3, 4 -> bodyLimit + 1;
          case 5, 6 -> bodyLimit + 1 + random.nextInt(bodyLimit * 3);
          case 7 -> 256 * 1024 + random.nextInt(64 * 1024);
          default -> 1024 * 1024 + random.nextInt(1024 * 1024);
        };
    byte[] body = padTo(post, target);
    boolean chunked = random.nextInt(3) == 0;
    boolean unsigned = random.nextInt(4) == 0;
    return new FuzzCase(
        "size",
        "a post of "
            + body.length
            + " bytes"
            + (chunked ? ", chunked" : "")
            + (unsigned ? ", unsigned" : ""),
        account,
        "application/json",
        unsigned ? null : HubSignature.sign(secret, body),
        body,
        chunked,
        Expected.problem(413, "body-too-large"));
  }

  /**
   * Bytes that are not UTF-8 spliced into the text. Overlong forms and encoded surrogates are
   * included: a decoder that lets them through stores text that differs from the raw body.
   */
  private FuzzCase invalidUtf8() {
    byte[][] sequences = {
      {(byte) 0xFF},
      {(byte) 0xC3, 0x28},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}
    };
    byte[] bad = sequences[random.nextInt(sequences.length)];
    Map<String, Object> post = validPost();
    post.put("kind", "created");
    post.put("text", "before MARK after");
    byte[] body = json(post);
    int at = indexOf(body, "MARK".getBytes(UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, at);
    out.write(bad, 0, bad.length);
    out.write(body, at + 4, body.length - at - 4);
    return signed(
        "invalid-utf8",
        "text holding the bytes " + HexFormat.ofDelimiter(" ").formatHex(bad),
        out.toByteArray(),
        Expected.problem(400, "invalid-body"));
  }

  private FuzzCase contentType() {
    byte[] body = json(validPost());
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
    if (dice < accepted.length) {
      return request(
          "content-type",
          "Content-Type " + accepted[dice],
          account,
          accepted[dice],
          HubSignature.sign(secret, body),
          body,
          false,
          Expected.accepted());
    }
    if (dice < accepted.length + refused.length) {
      String type = refused[dice - accepted.length];
      return request(
          "content-type",
          "Content-Type " + type,
          account,
          type,
          HubSignature.sign(secret, body),
          body,
          false,
          Expected.problem(415, "unsupported-media-type"));
    }
    return request(
        "content-type",
        "no Content-Type",
        account,
        null,
        HubSignature.sign(secret, body),
        body,
        false,
        Expected.acceptedOrRejected());
  }

  private FuzzCase unknownAccount() {
    byte[] body = json(validPost());
    // "zz-" keeps it from ever naming the configured account or its environment variable.
    String other = "zz-" + randomString("abcdefghijklmnopqrstuvwxyz0123456789-_", 1, 40);
    return request(
        "account",
        "account " + other + " has no secret",
        other,
        body,
        HubSignature.sign(secret, body),
        Expected.problem(404, "unknown-account"));
  }

  // ---- mutations of a valid post --------------------------------------------------------------

  /**
   * One change to a post; {@code duplicate} is set when the change exists only as JSON text.
   *
   * @param description what was changed
   * @param expected what the change alone must get
   * @param duplicate the whole body as text, when the mutation could not be made on the map
   */
  private record Mutation(String description, Expected expected, String duplicate) {}

  @SuppressWarnings("unchecked")
  private Mutation mutate(Map<String, Object> post) {
    switch (random.nextInt(13)) {
      case 0 -> {
        String field = pick(List.of("platformId", "createdAt", "text"));
        post.remove(field);
        if (field.equals("text")) {
          post.put("kind", "created"); // text may be left out only for a deletion
        }
        return new Mutation("without " + field, Expected.invalidField(field), null);
      }
      case 1 -> {
        String field = pick(STRING_FIELDS);
        Object value = random.nextBoolean() ? Map.of("a", 1) : List.of("a", 1);
        post.put(field, value);
        return new Mutation(
            field + " is a " + value.getClass().getSimpleName(), Expected.rejected(), null);
      }
      case 2 -> {
        // Scalars of another type: a parser may coerce them, so only "not 5xx" is promised.
        String field = pick(List.of("platformId", "revision", "rating", "author", "attachments"));
        Object value = pick(List.of(true, 12345, 1.5, "seven", ""));
        post.put(field, value);
        return new Mutation(
            field + " is " + JSON.writeValueAsString(value), Expected.acceptedOrRejected(), null);
      }
      case 3 -> {
        String field = pick(List.of("platformId", "createdAt", "text"));
        post.put(field, null);
        if (field.equals("text")) {
          post.put("kind", "created");
        }
        return new Mutation(field + " is null", Expected.invalidField(field), null);
      }
      case 4 -> {
        String text = jsonString(post);
        String field = pick(new ArrayList<>(post.keySet()));
        String copy = "\"" + field + "\":" + JSON.writeValueAsString(randomJsonValue(1)) + ",";
        String duplicated = "{" + copy + text.substring(1);
        return new Mutation("duplicated " + field, Expected.acceptedOrRejected(), duplicated);
      }
      case 5 -> {
        String field = pick(STRING_FIELDS);
        int length = Math.max(textLimit + 1, 2049) + random.nextInt(bodyLimit / 4);
        post.put(field, randomString("abcdefghij klmnopqrstuvwxyz!?", length, length));
        return new Mutation(
            field + " of " + length + " characters", Expected.invalidField(field), null);
      }
      case 6 -> {
        boolean known = random.nextBoolean();
        String field = known ? pick(STRING_FIELDS) : "x-extra";
        int depth = 2 + random.nextInt(random.nextBoolean() ? 50 : 2500);
        String nested = "[".repeat(depth) + "]".repeat(depth);
        post.remove(field);
        String withNesting = "{\"" + field + "\":" + nested + "," + jsonString(post).substring(1);
        return new Mutation(
            field + " nested " + depth + " deep",
            known ? Expected.rejected() : Expected.acceptedOrRejected(),
            withNesting);
      }
      case 7 -> {
        String date = random.nextInt(4) == 0 ? randomString("0123456789-:TZ+ ", 1, 30) : null;
        if (date == null || isValidDate(date)) {
          date = pick(BAD_DATES);
        }
        post.put("createdAt", date);
        return new Mutation(
            "createdAt " + JSON.writeValueAsString(date), Expected.invalidField("createdAt"), null);
      }
      case 8 -> {
        String field = pick(List.of("kind", "itemType", "visibility"));
        List<String> allowed =
            switch (field) {
              case "kind" -> KINDS;
              case "itemType" -> ITEM_TYPES;
              default -> VISIBILITIES;
            };
        String value =
            pick(
                List.of(
                    randomString("abcdefghijklmnopqrstuvwxyz_ ", 0, 12),
                    "liked",
                    "créated",
                    "ＰＵＢＬＩＣ",
                    "",
                    pick(allowed).toUpperCase(Locale.ROOT),
                    " " + pick(allowed) + " "));
        post.put(field, value);
        if (field.equals("kind")) {
          post.put("text", "text present whatever the kind");
        }
        boolean valid = allowed.contains(value.strip().toLowerCase(Locale.ROOT));
        return new Mutation(
            field + " " + JSON.writeValueAsString(value),
            valid ? Expected.accepted() : Expected.invalidField(field),
            null);
      }
      case 9 -> {
        if (random.nextBoolean()) {
          int revision = -1 - random.nextInt(1000);
          post.put("revision", revision);
          return new Mutation("revision " + revision, Expected.invalidField("revision"), null);
        }
        int rating = pick(List.of(0, 6, -1, 1000));
        post.put("rating", rating);
        return new Mutation("rating " + rating, Expected.invalidField("rating"), null);
      }
      case 10 -> {
        String field = pick(List.of("revision", "rating"));
        long huge = (long) Integer.MAX_VALUE + 1 + random.nextInt(1_000_000);
        post.put(field, random.nextBoolean() ? huge : -huge);
        // Wrapping round to a small int would silently store the wrong revision or rating.
        return new Mutation(field + " beyond an int", Expected.rejected(), null);
      }
      case 11 -> {
        int which = random.nextInt(4);
        switch (which) {
          case 0 -> {
            post.put("url", pick(BAD_URLS));
            return new Mutation("url " + post.get("url"), Expected.invalidField("url"), null);
          }
          case 1 -> {
            post.put("language", pick(BAD_LANGUAGES));
            return new Mutation(
                "language " + post.get("language"), Expected.invalidField("language"), null);
          }
          case 2 -> {
            post.put("account", "someone-else");
            return new Mutation("account of another", Expected.invalidField("account"), null);
          }
          default -> {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
              many.add(Map.of("type", "link", "url", "https://x.example/" + i));
            }
            post.put("attachments", many);
            return new Mutation("51 attachments", Expected.invalidField("attachments"), null);
          }
        }
      }
      default -> {
        // A lone surrogate is valid JSON (an escape) but not Unicode text.
        post.put("kind", "created");
        post.put("text", "before " + SURROGATE_MARK + " after");
        String text =
            jsonString(post).replace(SURROGATE_MARK, pick(List.of("\\ud800", "\\udfff x")));
        return new Mutation(
            "text with a lone surrogate escape", Expected.invalidField("text"), text);
      }
    }
  }

  // ---- valid material -------------------------------------------------------------------------

  /** A post following every rule of the documentation, with a platform id unique to this run. */
  Map<String, Object> validPost() {
    Map<String, Object> post = new LinkedHashMap<>();
    String id = "fz-" + runId + "-" + serial++;
    post.put("platformId", id);
    if (random.nextBoolean()) {
      post.put("threadRootId", "root-" + random.nextInt(50));
      post.put("parentId", "root-" + random.nextInt(50));
    }
    String kind = pick(KINDS);
    post.put("kind", random.nextBoolean() ? kind : " " + kind.toUpperCase(Locale.ROOT));
    post.put("revision", random.nextInt(5));
    if (random.nextBoolean()) {
      post.put("itemType", pick(ITEM_TYPES));
    }
    if (random.nextBoolean()) {
      Map<String, Object> author = new LinkedHashMap<>();
      author.put("id", "u-" + random.nextInt(1000));
      author.put("name", randomText(1, 40));
      author.put("handle", randomString("abcdefghijklmnopqrstuvwxyz_0123456789", 1, 15));
      author.put("url", "https://social.example/u/" + random.nextInt(1000));
      post.put("author", author);
    }
    if (!kind.equals("deleted") || random.nextBoolean()) {
      post.put("text", randomText(1, 300));
    }
    if (random.nextBoolean()) {
      post.put("url", "https://social.example/p/" + random.nextInt(1_000_000));
    }
    post.put("createdAt", randomDate());
    post.put("visibility", pick(VISIBILITIES));
    if (random.nextInt(4) == 0) {
      post.put("rating", 1 + random.nextInt(5));
    }
    if (random.nextBoolean()) {
      post.put("language", pick(List.of("en-GB", "cy", "en", "pl-PL", "zh-Hant-TW")));
    }
    if (random.nextInt(3) == 0) {
      List<Object> attachments = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        attachments.add(
            Map.of(
                "type",
                pick(List.of("image", "video", "link", "file")),
                "url",
                "https://cdn.example/" + random.nextInt(1000)));
      }
      post.put("attachments", attachments);
    }
    if (random.nextInt(4) == 0) {
      post.put("x-sender-extension", randomJsonValue(2)); // unknown fields are ignored
    }
    if (random.nextInt(6) == 0) {
      post.put("account", account);
    }
    return post;
  }

  private String randomDate() {
    long seconds =
        Instant.parse("2000-01-01T00:00:00Z").getEpochSecond()
            + (long) (random.nextDouble() * 30L * 365 * 24 * 3600);
    ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(53) - 24) * 30 * 60);
    OffsetDateTime time =
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, random.nextInt(3) * 1000), offset);
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  /** Text of {@code min..max} code points from many scripts, emoji and control characters. */
  private String randomText(int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder text = new StringBuilder();
    int[][] ranges = {
      {0x20, 0x7E}, {0xA0, 0xFF}, {0x174, 0x177}, {0x0600, 0x06FF}, {0x4E00, 0x4FFF},
      {0x1F600, 0x1F64F}, {0x0300, 0x036F}, {0x200B, 0x200F}, {0x00, 0x1F}, {0xFFF0, 0xFFFD}
    };
    for (int i = 0; i < length; i++) {
      int[] range = ranges[random.nextInt(ranges.length)];
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  private Object randomJsonValue(int depth) {
    int dice = random.nextInt(depth > 0 ? 8 : 6);
    return switch (dice) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 4 -> randomText(0, 20);
      case 5 -> pick(STRING_FIELDS);
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(randomJsonValue(depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(6); i > 0; i--) {
          String key = random.nextBoolean() ? pick(STRING_FIELDS) : randomText(0, 8);
          map.put(key, randomJsonValue(depth - 1));
        }
        yield map;
      }
    };
  }

  private byte[] padTo(Map<String, Object> post, int target) {
    post.put("x-padding", "");
    int base = json(post).length;
    post.put("x-padding", "p".repeat(Math.max(0, target - base)));
    return json(post);
  }

  private String randomString(String alphabet, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static boolean isValidDate(String value) {
    try {
      OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return !value.isBlank();
    } catch (RuntimeException e) {
      return false;
    }
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

  // ---- requests -------------------------------------------------------------------------------

  private FuzzCase signed(String family, String description, byte[] body, Expected expected) {
    return request(
        family, description, account, body, HubSignature.sign(secret, body), sized(body, expected));
  }

  private FuzzCase request(
      String family,
      String description,
      String account,
      byte[] body,
      String signature,
      Expected expected) {
    return request(
        family, description, account, "application/json", signature, body, false, expected);
  }

  private FuzzCase request(
      String family,
      String description,
      String account,
      String contentType,
      String signature,
      byte[] body,
      boolean chunked,
      Expected expected) {
    return new FuzzCase(
        family, description, account, contentType, signature, body, chunked, sized(body, expected));
  }

  /** The size is checked before anything else: an oversize body gets 413 whatever it holds. */
  private Expected sized(byte[] body, Expected expected) {
    return body.length > bodyLimit ? Expected.problem(413, "body-too-large") : expected;
  }

  private static Expected missing() {
    return Expected.problem(401, "missing-signature");
  }

  private static Expected malformed() {
    return Expected.problem(401, "malformed-signature");
  }

  private static byte[] json(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  private static String jsonString(Object value) {
    return JSON.writeValueAsString(value);
  }
}
