package dev.switchboard.ingest.connectors.careopinion;

import dev.switchboard.ingest.text.TextCleaner;
import java.util.regex.Pattern;

/**
 * Care Opinion's Markdown (story and response bodies) as plain text: headings, emphasis, inline
 * code and block-quote markers dropped, images and links reduced to their words, then the shared
 * {@link TextCleaner} (any HTML, character references, NFC). The words and line breaks stay; list
 * markers stay, as they read as text.
 */
public final class MarkdownText {

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
  private static final Pattern QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
  private static final Pattern RULE =
      Pattern.compile("(?m)^[ \\t]{0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>])");

  // A private-use block of the BMP, where escaped ASCII waits out the emphasis rules.
  private static final char HIDDEN = '\uE000';

  private MarkdownText() {}

  /** The plain text of {@code markdown}; null stays null. */
  public static String plain(String markdown) {
    if (markdown == null) {
      return null;
    }
    // Escaped characters are set aside first, so "\\*" never opens or closes emphasis.
    String text = hideEscapes(markdown.replace("\r\n", "\n"));
    text = IMAGE.matcher(text).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1");
    text = HEADING.matcher(text).replaceAll("");
    text = QUOTE.matcher(text).replaceAll("");
    text = RULE.matcher(text).replaceAll("");
    text = CODE.matcher(text).replaceAll("$1");
    text = STRONG.matcher(text).replaceAll("$2");
    text = EMPHASIS.matcher(text).replaceAll("$2");
    return TextCleaner.clean(showEscapes(text));
  }

  private static String hideEscapes(String text) {
    return ESCAPE
        .matcher(text)
        .replaceAll(m -> String.valueOf((char) (HIDDEN + m.group(1).charAt(0))));
  }

  private static String showEscapes(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= HIDDEN && c < HIDDEN + 128 ? (char) (c - HIDDEN) : c);
    }
    return out.toString();
  }
}
