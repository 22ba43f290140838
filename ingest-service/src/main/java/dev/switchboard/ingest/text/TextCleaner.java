package dev.switchboard.ingest.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns platform or exported text into plain text for classification and search, the same way for
 * every connector and the backfill import: HTML tags removed (Graph messages, WordPress and exports
 * keep markup), line-breaking tags kept as line breaks, character references decoded, outer
 * whitespace trimmed, and the result in Unicode NFC so the same words are the same code points
 * whatever produced them. The event's raw payload keeps the original.
 */
public final class TextCleaner {

  // Only real tags: "<" then a letter, "/" or "!", so "I <3 ward 7" and "a < b" stay as written.
  private static final Pattern DROPPED_BLOCKS =
      Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAK_TAGS =
      Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h[1-6]|blockquote|tr)\\s*>");
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>|<![^<>]*>");
  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n([ \\t]*\\n)+");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00a0"),
          Map.entry("pound", "£"),
          Map.entry("euro", "€"),
          Map.entry("hellip", "…"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("copy", "©"));

  private TextCleaner() {}

  /** The plain, NFC-normalised text of {@code text}; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String plain = text;
    if (plain.indexOf('<') >= 0) {
      plain = DROPPED_BLOCKS.matcher(plain).replaceAll("");
      plain = LINE_BREAK_TAGS.matcher(plain).replaceAll("\n");
      plain = TAG.matcher(plain).replaceAll("");
      plain = BLANK_LINES.matcher(plain).replaceAll("\n\n");
    }
    if (plain.indexOf('&') >= 0) {
      plain = decodeReferences(plain);
    }
    return Normalizer.normalize(plain, Normalizer.Form.NFC).strip();
  }

  private static String decodeReferences(String text) {
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String name = matcher.group(1);
      String decoded = decode(name);
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(decoded == null ? matcher.group() : decoded));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String decode(String name) {
    if (name.charAt(0) != '#') {
      return NAMED.get(name);
    }
    int codePoint;
    try {
      codePoint =
          name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
    // Control characters and lone surrogates are not text; leave such a reference as written.
    if (!Character.isValidCodePoint(codePoint)
        || (codePoint >= 0xD800 && codePoint <= 0xDFFF)
        || (Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\t')) {
      return null;
    }
    return new String(Character.toChars(codePoint));
  }
}
