package dev.switchboard.ingest.connectors;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans platform text for classification and search: HTML tags removed (line breaks kept as new
 * lines), character entities decoded, Unicode NFC (so "é" typed two ways is one string), outer
 * whitespace trimmed. The raw payload keeps the original.
 */
public final class TextCleaner {

  private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li)\\s*/?>");
  private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private TextCleaner() {}

  /** The cleaned text, or null for null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String noTags = TAG.matcher(BREAK.matcher(text).replaceAll("\n")).replaceAll("");
    return Normalizer.normalize(decodeEntities(noTags), Normalizer.Form.NFC).strip();
  }

  private static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.startsWith("#")) {
        try {
          int cp =
              name.startsWith("#x") || name.startsWith("#X")
                  ? Integer.parseInt(name.substring(2), 16)
                  : Integer.parseInt(name.substring(1));
          replacement =
              Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
        } catch (NumberFormatException e) {
          replacement = m.group();
        }
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
