package dev.switchboard.channels.feeds;

import dev.switchboard.channels.http.Json;
import io.micronaut.json.tree.JsonNode;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 ({@code channel/item}: guid, link, title, description, pubDate in RFC 822) and Atom
 * ({@code feed/entry}: id, link href, title, summary or content, updated, published) with the JDK's
 * StAX. Feeds are untrusted: DTDs and external entities are switched off, and a document that
 * declares a DTD at all is refused (XXE, entity expansion).
 */
public final class FeedParser {

  private static final XMLInputFactory FACTORY = factory();
  private static final Map<String, String> ZONES =
      Map.of(
          "UT", "+0000", "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "MST",
          "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700", "BST", "+0100");

  /** A document that is not a readable RSS or Atom feed. */
  public static final class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    FeedFormatException(String message) {
      super(message);
    }
  }

  /** The items of one parse and how many were left out. */
  public record Parsed(List<FeedItem> items, int malformedItems) {}

  private FeedParser() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** The items of {@code xml}, an RSS 2.0 or Atom document. */
  public static Parsed parse(String xml) throws FeedFormatException {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(xml));
      List<FeedItem> items = new ArrayList<>();
      int malformed = 0;
      String root = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new FeedFormatException("the feed declares a DTD, refused");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new FeedFormatException("the feed refers to an undeclared entity, refused");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = reader.getLocalName();
        if (root == null) {
          root = name;
          if (!root.equals("rss") && !root.equals("feed") && !root.equals("RDF")) {
            throw new FeedFormatException("not an RSS or Atom document");
          }
          continue;
        }
        if (name.equals("item") || name.equals("entry")) {
          Optional<FeedItem> item = item(reader, name);
          if (item.isPresent()) {
            items.add(item.get());
          } else {
            malformed++;
          }
        }
      }
      if (root == null) {
        throw new FeedFormatException("the document is empty");
      }
      return new Parsed(items, malformed);
    } catch (XMLStreamException | RuntimeException e) {
      // The parser's message may quote the feed's text: keep only the position.
      throw new FeedFormatException(
          "the feed is not well-formed XML"
              + (e instanceof XMLStreamException x && x.getLocation() != null
                  ? " (line " + x.getLocation().getLineNumber() + ")"
                  : ""));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Nothing left to release that matters.
        }
      }
    }
  }

  /** Reads one item or entry up to its end tag. */
  private static Optional<FeedItem> item(XMLStreamReader reader, String element)
      throws XMLStreamException, FeedFormatException {
    Map<String, String> fields = new LinkedHashMap<>();
    String link = null;
    int depth = 1;
    while (depth > 0 && reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new FeedFormatException("the feed refers to an undeclared entity, refused");
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = reader.getLocalName();
      if (name.equals("link") && reader.getAttributeValue(null, "href") != null) {
        // Atom: <link rel="alternate" href=".."/>; the alternate (or rel-less) link is the page.
        String rel = reader.getAttributeValue(null, "rel");
        if (link == null && (rel == null || rel.equals("alternate"))) {
          link = reader.getAttributeValue(null, "href");
        }
        skip(reader);
        continue;
      }
      if (name.equals("author")) {
        String author = authorName(reader);
        if (author != null) {
          fields.putIfAbsent("author", author);
        }
        continue;
      }
      String text = reader.getElementText().strip();
      if (name.equals("creator")) {
        fields.putIfAbsent("author", text);
      } else if (name.equals("encoded")) {
        fields.put("content", text);
      } else {
        fields.putIfAbsent(name, text);
      }
    }
    if (link == null) {
      link = blankToNull(fields.get("link"));
    }
    String identity = blankToNull(element.equals("entry") ? fields.get("id") : fields.get("guid"));
    if (identity == null) {
      identity = link;
    }
    if (identity == null) {
      return Optional.empty();
    }
    String body =
        fields.containsKey("content")
            ? fields.get("content")
            : fields.containsKey("description") ? fields.get("description") : fields.get("summary");
    Instant published = time(fields.getOrDefault("pubDate", fields.get("published")));
    if (published == null) {
      published = time(fields.get("date"));
    }
    Instant updated = time(fields.get("updated"));
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    raw.put("format", JsonNode.createStringNode(element.equals("entry") ? "atom" : "rss"));
    raw.put("identity", JsonNode.createStringNode(identity));
    if (link != null) {
      raw.put("link", JsonNode.createStringNode(link));
    }
    fields.forEach((k, v) -> raw.putIfAbsent(k, JsonNode.createStringNode(v)));
    return Optional.of(
        new FeedItem(
            identity,
            link,
            blankToNull(fields.get("title")),
            blankToNull(body),
            blankToNull(fields.get("author")),
            published,
            updated,
            Json.write(JsonNode.createObjectNode(raw))));
  }

  private static String authorName(XMLStreamReader reader) throws XMLStreamException {
    // RSS: <author>email (name)</author>; Atom: <author><name>..</name></author>.
    StringBuilder text = new StringBuilder();
    String name = null;
    int depth = 1;
    while (depth > 0 && reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (reader.getLocalName().equals("name")) {
          name = reader.getElementText().strip();
          depth--;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      }
    }
    return name != null ? name : blankToNull(text.toString().strip());
  }

  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** An RFC 822 (RSS) or RFC 3339 (Atom) time, or null when it is neither. */
  static Instant time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException notRfc3339) {
      // RFC 822 allows zone names RFC 1123's parser does not know: write them as offsets.
      int space = v.lastIndexOf(' ');
      if (space > 0 && ZONES.containsKey(v.substring(space + 1).toUpperCase(Locale.ROOT))) {
        v = v.substring(0, space + 1) + ZONES.get(v.substring(space + 1).toUpperCase(Locale.ROOT));
      }
      try {
        return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
