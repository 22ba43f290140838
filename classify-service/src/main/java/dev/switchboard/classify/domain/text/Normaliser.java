package dev.switchboard.classify.domain.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a post into tokens the lexicons can match, undoing what people do to slip past filters,
 * while every token keeps the span of the original characters so a reason highlights what was
 * actually written.
 *
 * <p>Per character: Unicode NFKC (full-width and "fancy" letters become plain), case folding,
 * diacritics dropped, curly apostrophes straightened, a few emoji named ({@code 🔪} is {@code
 * knife}). Per token: masked letters ({@code f***ing}, {@code c*nt}) are restored against the known
 * vocabulary, leetspeak ({@code b1tch}, {@code $h1t}) is undone when the result is a known word,
 * runs of a letter ({@code sooooo}) are shortened; per run of tokens, spaced letters ({@code c u n
 * t}, {@code d.o.b}) are joined when they spell a known word.
 */
public final class Normaliser {

  private static final Map<Integer, String> EMOJI =
      Map.ofEntries(
          Map.entry(0x1F52A, "knife"),
          Map.entry(0x1F5E1, "knife"),
          Map.entry(0x1F480, "skull"),
          Map.entry(0x2620, "skull"),
          Map.entry(0x1F52B, "gun"),
          Map.entry(0x1F4A3, "bomb"),
          Map.entry(0x1F525, "fire"),
          Map.entry(0x26B0, "coffin"),
          Map.entry(0x1FAA6, "grave"),
          Map.entry(0x1F621, "angry"),
          Map.entry(0x1F92C, "swearing"),
          Map.entry(0x1F595, "middlefinger"),
          Map.entry(0x2764, "heart"),
          Map.entry(0x1F499, "heart"),
          Map.entry(0x1F49C, "heart"),
          Map.entry(0x1F49A, "heart"),
          Map.entry(0x1F9E1, "heart"),
          Map.entry(0x1F64F, "thanks"),
          Map.entry(0x1F44F, "applause"),
          Map.entry(0x1F62D, "crying"),
          Map.entry(0x1F622, "crying"),
          Map.entry(0x1F494, "brokenheart"),
          Map.entry(0x1F489, "syringe"),
          Map.entry(0x1F48A, "pill"),
          Map.entry(0x1F691, "ambulance"),
          Map.entry(0x1F198, "sos"),
          Map.entry(0x1F4B0, "money"),
          Map.entry(0x1F4B8, "money"),
          Map.entry(0x1F517, "link"),
          Map.entry(0x1F447, "pointdown"),
          Map.entry(0x1F449, "pointright"));

  private static final Set<Character> MASKS = Set.of('*', '#');

  private final Predicate<String> known;
  private final List<String> maskable;

  /**
   * A normaliser that de-obfuscates towards the given vocabulary.
   *
   * @param known whether a folded word is in any lexicon (leetspeak and spacing are undone only
   *     towards known words, so "24hrs" or "a b c" stay as they are)
   * @param maskable the words a masked token may stand for ({@code f***} → {@code fuck})
   */
  public Normaliser(Predicate<String> known, List<String> maskable) {
    this.known = known;
    this.maskable = List.copyOf(maskable);
  }

  /** Normalises and tokenises {@code original}; never null, empty text gives no tokens. */
  public NormalisedText normalise(String original) {
    List<Token> raw = new ArrayList<>(Math.max(8, original.length() / 5));
    Builder b = new Builder(original, raw);
    int i = 0;
    int n = original.length();
    while (i < n) {
      int cp = original.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp < 128) {
        b.ascii((char) cp, i, i + width);
      } else {
        String name = EMOJI.get(cp);
        if (name != null) {
          b.flush();
          raw.add(new Token(name, i, i + width, b.sentence, b.clause, false));
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
          b.ascii('\'', i, i + width);
        } else if (cp == 0x2014 || cp == 0x2013) {
          b.ascii('-', i, i + width);
        } else if (cp == 0xA3) {
          b.flush();
          raw.add(new Token("£", i, i + width, b.sentence, b.clause, false));
        } else {
          b.unicode(cp, i, i + width);
        }
      }
      i += width;
    }
    b.flush();
    List<Token> tokens = new ArrayList<>(raw.size());
    for (Token t : raw) {
      tokens.add(repair(t));
    }
    return new NormalisedText(original, joinSpacedLetters(tokens));
  }

  private Token repair(Token t) {
    String s = t.text();
    if (s.length() < 2 || s.equals("£")) {
      return t;
    }
    String fixed = s;
    if (hasMask(s)) {
      fixed = unmask(s);
    }
    if (fixed == s && hasLeet(s) && hasLetter(s)) {
      String leet = unleet(s);
      if (known.test(leet)) {
        fixed = leet;
      } else {
        String leetShort = collapse(leet, 1);
        if (known.test(leetShort)) {
          fixed = leetShort;
        }
      }
    }
    if (fixed == s && hasRun(s)) {
      String one = collapse(s, 1);
      fixed = known.test(one) ? one : collapse(s, 2);
    }
    if (fixed == s) {
      return t;
    }
    return new Token(fixed, t.start(), t.end(), t.sentence(), t.clause(), t.capitalised());
  }

  /** {@code c*nt} → {@code cunt}: each run of masks stands for one or more letters. */
  private String unmask(String s) {
    for (String word : maskable) {
      if (globMatches(s, 0, word, 0)) {
        return word;
      }
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!MASKS.contains(s.charAt(i))) {
        out.append(s.charAt(i));
      }
    }
    return out.length() == 0 ? s : out.toString();
  }

  private static boolean globMatches(String pattern, int p, String word, int w) {
    if (p == pattern.length()) {
      return w == word.length();
    }
    char c = pattern.charAt(p);
    if (MASKS.contains(c)) {
      int next = p;
      while (next < pattern.length() && MASKS.contains(pattern.charAt(next))) {
        next++;
      }
      // A mask hides at least one letter and, like a real one, about as many as it has stars.
      for (int k = w + 1; k <= word.length() && k - w <= next - p + 2; k++) {
        if (globMatches(pattern, next, word, k)) {
          return true;
        }
      }
      return false;
    }
    char u = unleet(c);
    return w < word.length() && word.charAt(w) == u && globMatches(pattern, p + 1, word, w + 1);
  }

  private List<Token> joinSpacedLetters(List<Token> tokens) {
    int n = tokens.size();
    List<Token> out = null;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && tokens.get(j).text().length() == 1 && isLetter(tokens.get(j).text())) {
        j++;
      }
      if (j - i >= 3) {
        int joinedTo = joinLongest(tokens, i, j);
        if (joinedTo > 0) {
          if (out == null) {
            out = new ArrayList<>(tokens.subList(0, i));
          }
          StringBuilder word = new StringBuilder(joinedTo - i);
          for (int k = i; k < joinedTo; k++) {
            word.append(tokens.get(k).text());
          }
          Token first = tokens.get(i);
          out.add(
              new Token(
                  word.toString(),
                  first.start(),
                  tokens.get(joinedTo - 1).end(),
                  first.sentence(),
                  first.clause(),
                  first.capitalised()));
          i = joinedTo;
          continue;
        }
      }
      if (out != null) {
        out.add(tokens.get(i));
      }
      i++;
    }
    return out == null ? tokens : out;
  }

  /** The end of the longest run of single letters from {@code from} that spells a known word. */
  private int joinLongest(List<Token> tokens, int from, int to) {
    for (int end = to; end - from >= 3; end--) {
      StringBuilder word = new StringBuilder(end - from);
      for (int k = from; k < end; k++) {
        word.append(tokens.get(k).text());
      }
      if (known.test(word.toString())) {
        return end;
      }
    }
    return -1;
  }

  private static boolean isLetter(String s) {
    char c = s.charAt(0);
    return c >= 'a' && c <= 'z';
  }

  private static boolean hasMask(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (MASKS.contains(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLeet(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (unleet(s.charAt(i)) != s.charAt(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasRun(String s) {
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == s.charAt(i - 1) && c == s.charAt(i - 2) && c >= 'a' && c <= 'z') {
        return true;
      }
    }
    return false;
  }

  static String unleet(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = unleet(s.charAt(i));
    }
    return new String(out);
  }

  private static char unleet(char c) {
    switch (c) {
      case '1':
      case '!':
        return 'i';
      case '3':
        return 'e';
      case '4':
      case '@':
        return 'a';
      case '0':
        return 'o';
      case '5':
      case '$':
        return 's';
      case '7':
        return 't';
      default:
        return c;
    }
  }

  /** Shortens every run of one letter longer than {@code keep} to {@code keep}. */
  static String collapse(String s, int keep) {
    StringBuilder out = new StringBuilder(s.length());
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = i > 0 && s.charAt(i - 1) == c ? run + 1 : 1;
      if (run <= keep || c < 'a' || c > 'z') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Accumulates word characters into tokens, tracking original spans and sentence breaks. */
  private static final class Builder {
    private final String original;
    private final List<Token> out;
    private final StringBuilder word = new StringBuilder(24);
    private int start = -1;
    private int end;
    private boolean capitalised;
    int sentence;
    int clause;

    Builder(String original, List<Token> out) {
      this.original = original;
      this.out = out;
    }

    void ascii(char c, int from, int to) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        append(c, from, to, false);
      } else if (c >= 'A' && c <= 'Z') {
        append((char) (c + 32), from, to, true);
      } else if (c == '\'') {
        // don't, I'm, Dr's: the apostrophe joins, it does not split
        if (start < 0 || !letterAt(to)) {
          flush();
        } else {
          end = to;
        }
      } else if ((MASKS.contains(c) || c == '@' || c == '$' || c == '!')
          && (start >= 0 ? letterAt(to) || MASKS.contains(c) : c != '!' && letterAt(to))) {
        append(c, from, to, false);
      } else if (c == '.' && start >= 0 && word.length() == 1 && letterAt(to)) {
        // d.o.b: a dot between single letters is spacing, not the end of a sentence
        flush();
      } else {
        flush();
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
          if (!(c == '.' && letterAt(to))) {
            sentence++;
            clause++;
          }
        } else if (c == ',' || c == ';' || c == ':' || c == '-' || c == '(' || c == ')') {
          clause++;
        }
      }
    }

    void unicode(int cp, int from, int to) {
      if (!Character.isLetterOrDigit(cp)) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.FORMAT) {
          if (start >= 0) {
            end = to;
          }
          return;
        }
        String folded =
            Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (folded.length() == 1 && folded.charAt(0) < 128) {
          ascii(folded.charAt(0), from, to);
        } else {
          flush();
        }
        return;
      }
      String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
      s = Normalizer.normalize(s, Normalizer.Form.NFD);
      boolean upper = Character.isUpperCase(cp);
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
          continue;
        }
        String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
        for (int m = 0; m < lower.length(); m++) {
          append(lower.charAt(m), from, to, upper);
        }
      }
    }

    private boolean letterAt(int index) {
      return index < original.length() && Character.isLetterOrDigit(original.charAt(index));
    }

    private void append(char c, int from, int to, boolean upper) {
      if (start < 0) {
        start = from;
        capitalised = upper;
      }
      word.append(c);
      end = to;
    }

    void flush() {
      if (start >= 0) {
        out.add(new Token(word.toString(), start, end, sentence, clause, capitalised));
        word.setLength(0);
        start = -1;
      }
    }
  }
}
