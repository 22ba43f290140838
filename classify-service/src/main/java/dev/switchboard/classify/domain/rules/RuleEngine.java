package dev.switchboard.classify.domain.rules;

import dev.switchboard.classify.domain.text.NormalisedText;
import dev.switchboard.classify.domain.text.Normaliser;
import dev.switchboard.classify.domain.text.Token;
import dev.switchboard.contracts.LabelName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules: one lexicon pass, then phrase, negation, idiom and tense rules that turn matches into
 * findings. A finding is decisive when the rule is precise enough to give its label alone; the
 * others are hints that become the model's cue features and the reasons for its labels.
 */
public final class RuleEngine {

  private static final Set<Cue> IDIOM_SENSITIVE =
      EnumSet.of(
          Cue.THREAT,
          Cue.EMERGENCY,
          Cue.SELF_HARM,
          Cue.ALLEGATION,
          Cue.ABUSE_INSULT,
          Cue.PROFANITY,
          Cue.SAFEGUARDING,
          Cue.COMPLAINT,
          Cue.MISINFORMATION);

  private final Lexicon lexicon;
  private final Normaliser normaliser;
  private final PersonalDataDetector personalData;

  /** Rules over the lexicon (shipped plus the trust's), with the personal-data detector. */
  public RuleEngine(Lexicon lexicon, List<String> maskable, PersonalDataDetector personalData) {
    this.lexicon = lexicon;
    this.normaliser = new Normaliser(lexicon::knows, maskable);
    this.personalData = personalData;
  }

  /** Everything the rules see in one post. */
  public Analysis analyse(String text) {
    NormalisedText nt = normaliser.normalise(text);
    List<LexiconMatch> all = lexicon.match(nt);
    int n = nt.size();
    boolean[] idiom = new boolean[n];
    boolean[] negator = new boolean[n];
    for (LexiconMatch m : all) {
      if (m.cue() == Cue.IDIOM) {
        for (int i = m.firstToken(); i <= m.lastToken(); i++) {
          idiom[i] = true;
        }
      } else if (m.cue() == Cue.NEGATION) {
        negator[m.lastToken()] = true;
      }
    }
    List<LexiconMatch> matches = new ArrayList<>(all.size());
    for (LexiconMatch m : all) {
      if (IDIOM_SENSITIVE.contains(m.cue()) && covered(idiom, m)) {
        continue;
      }
      matches.add(m);
    }
    Analysis a = new Analysis(nt, matches, idiom);
    context(a, negator);
    List<Finding> out = a.findings;
    personalData.detect(nt, matches, out);
    for (LexiconMatch m : matches) {
      apply(a, m, negator, out);
    }
    spam(a, out);
    return a;
  }

  private static boolean covered(boolean[] idiom, LexiconMatch m) {
    for (int i = m.firstToken(); i <= m.lastToken(); i++) {
      if (idiom[i]) {
        return true;
      }
    }
    return false;
  }

  private void context(Analysis a, boolean[] negator) {
    NormalisedText t = a.text;
    int sentences = t.size() == 0 ? 1 : t.token(t.size() - 1).sentence() + 1;
    a.secondPerson = new boolean[sentences];
    a.person = new boolean[sentences];
    a.past = new boolean[sentences];
    for (LexiconMatch m : a.matches) {
      int s = t.token(m.firstToken()).sentence();
      switch (m.cue()) {
        case SECOND_PERSON:
          a.secondPerson[s] = true;
          break;
        case STAFF_ROLE:
          a.person[s] = true;
          a.target = true;
          break;
        case STAFF_NAME:
          a.person[s] = true;
          a.target = true;
          a.staffNamed = true;
          break;
        case TITLE:
          int next = m.lastToken() + 1;
          if (next < t.size() && t.token(next).capitalised()) {
            a.person[s] = true;
            a.target = true;
            a.titledName = true;
          }
          break;
        case TRUST:
          a.target = true;
          break;
        case PAST_TIME:
          a.past[s] = true;
          break;
        case PRESENT_TIME:
          a.present = true;
          break;
        case LIFE_SAVED:
          a.lifeSaved = true;
          break;
        case RHETORICAL:
          a.rhetorical = true;
          break;
        case ALLEGATION:
          if (m.entry().weight() >= 0.8 && !negated(t, m, negator)) {
            a.allegation = true;
          }
          break;
        default:
          break;
      }
    }
    String s = t.original();
    a.links = links(s);
    a.questionMarks = count(s, "?");
  }

  /** Web addresses, with or without a scheme ({@code shop-now.co.uk/offer}); nhs.uk is not. */
  private static int links(String s) {
    if (s.indexOf('.') < 0) {
      return 0;
    }
    int n = 0;
    java.util.regex.Matcher m = LINK.matcher(s);
    while (m.find()) {
      String host = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!host.endsWith("nhs.uk") && !host.endsWith("nhs.net") && !host.endsWith("gov.uk")) {
        n++;
      }
    }
    return n;
  }

  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile(
          "(?<![@\\w.])(?:https?://)?((?:[a-z0-9-]+\\.)+(?:com|co\\.uk|org\\.uk|uk|org|net|site|shop"
              + "|store|top|ai|co|io|today|info|biz|xyz|online|app|ly|me|tv))(?:/\\S*)?(?![\\w.])",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private static int count(String s, String what) {
    int c = 0;
    int at = s.indexOf(what);
    while (at >= 0) {
      c++;
      at = s.indexOf(what, at + what.length());
    }
    return c;
  }

  /** A negator within three tokens before the phrase, in the same clause ("no chest pain"). */
  private static boolean negated(NormalisedText t, LexiconMatch m, boolean[] negator) {
    int first = m.firstToken();
    int clause = t.token(first).clause();
    for (int i = first - 1; i >= 0 && i >= first - 3; i--) {
      if (t.token(i).clause() != clause) {
        return false;
      }
      if (negator[i]) {
        return true;
      }
    }
    return false;
  }

  private void apply(Analysis a, LexiconMatch m, boolean[] negator, List<Finding> out) {
    NormalisedText t = a.text;
    Token first = t.token(m.firstToken());
    Token last = t.token(m.lastToken());
    int start = first.start();
    int end = last.end();
    int s = first.sentence();
    double w = m.entry().weight();
    boolean multiword = m.entry().words().size() > 1;
    boolean aimed = a.secondPerson[s] || a.person[s];
    String phrase = "\"" + t.original().substring(start, end) + "\"";
    switch (m.cue()) {
      case ABUSE_SLUR:
        out.add(
            finding(
                LabelName.ABUSE,
                "lexicon:abuse-slur",
                start,
                end,
                w >= 0.8 ? 0.95 : 0.7,
                w >= 0.8,
                "A slur: " + phrase + " is abuse whoever it is aimed at."));
        break;
      case ABUSE_INSULT:
        boolean insult = w >= 0.8 || aimed;
        out.add(
            finding(
                LabelName.ABUSE,
                "lexicon:insult",
                start,
                end,
                w >= 0.8 ? 0.85 : 0.7,
                insult,
                "An insult aimed at a person: " + phrase + "."));
        break;
      case PROFANITY:
        out.add(
            finding(
                LabelName.ABUSE,
                "lexicon:profanity",
                start,
                end,
                0.7,
                w >= 0.8 && aimed,
                "Swearing aimed at "
                    + (aimed ? "a person" : "no one in particular")
                    + ": "
                    + phrase
                    + "."));
        break;
      case THREAT:
        boolean threat = multiword || a.secondPerson[s] || a.person[s];
        out.add(
            finding(
                LabelName.ABUSE,
                "lexicon:threat",
                start,
                end,
                multiword ? 0.9 : 0.75,
                threat && w >= 0.8,
                "A threat of violence or harassment: " + phrase + "."));
        break;
      case MISINFORMATION:
        out.add(
            finding(
                LabelName.MISINFORMATION,
                "lexicon:misinformation",
                start,
                end,
                0.8,
                multiword && w >= 0.8 && !negated(t, m, negator),
                "A known false health claim: " + phrase + "."));
        break;
      case SELF_HARM:
        // "not going to do anything stupid" is itself a warning sign, so negation never lifts
        // those phrases; elsewhere it does ("never made me feel like a burden").
        boolean denial = m.entry().words().contains("stupid");
        out.add(
            finding(
                LabelName.SAFEGUARDING,
                "lexicon:self-harm",
                start,
                end,
                0.9,
                w >= 0.8 && (denial || !negated(t, m, negator)),
                "Words that signal a risk of suicide or self-harm: "
                    + phrase
                    + ". The safeguarding lead must look now."));
        break;
      case SAFEGUARDING:
        out.add(
            finding(
                LabelName.SAFEGUARDING,
                "lexicon:safeguarding",
                start,
                end,
                0.8,
                multiword && w >= 0.8 && !negated(t, m, negator),
                "Possible abuse or neglect of a child or vulnerable adult: " + phrase + "."));
        break;
      case EMERGENCY:
        if (partOfANumber(t, m)) {
          break; // "ref 999 518 1901" is not a call for an ambulance
        }
        boolean neg = negated(t, m, negator);
        boolean past = a.past[s] && !a.present;
        out.add(
            finding(
                LabelName.CLINICAL_URGENT,
                neg
                    ? "rule:emergency-negated"
                    : past ? "rule:emergency-in-the-past" : "rule:emergency-now",
                start,
                end,
                a.present ? 0.9 : 0.8,
                w >= 0.7 && !neg && !past,
                neg
                    ? "Mentions " + phrase + " but says it is absent."
                    : past
                        ? "Mentions " + phrase + " in the past, not as happening now."
                        : "Signs of a medical emergency happening now: "
                            + phrase
                            + ". Point them to 999."));
        break;
      case ALLEGATION:
        boolean alleged = w >= 0.8 && !negated(t, m, negator) && a.target && !benign(a);
        out.add(
            finding(
                LabelName.LIBEL_RISK,
                "rule:allegation-against-identifiable-person",
                start,
                end,
                a.staffNamed ? 0.92 : 0.8,
                alleged,
                "An allegation ("
                    + phrase
                    + ") against "
                    + (a.staffNamed
                        ? "a named member of staff"
                        : "an identifiable person or the trust")
                    + "."));
        break;
      case PRAISE:
      case LIFE_SAVED:
        out.add(
            finding(
                LabelName.PRAISE,
                "lexicon:praise",
                start,
                end,
                0.7,
                false,
                "Thanks or a positive experience: " + phrase + "."));
        break;
      case COMPLAINT:
        out.add(
            finding(
                LabelName.COMPLAINT,
                "lexicon:complaint",
                start,
                end,
                0.6,
                false,
                "Wording typical of a complaint: " + phrase + "."));
        break;
      case QUESTION:
        out.add(
            finding(
                LabelName.QUESTION,
                "lexicon:question",
                start,
                end,
                0.6,
                false,
                "Asks for information or help: " + phrase + "."));
        break;
      case SPAM:
        out.add(
            finding(
                LabelName.SPAM,
                "lexicon:spam",
                start,
                end,
                0.8,
                false,
                "Advertising or scam wording: " + phrase + "."));
        break;
      default:
        break;
    }
  }

  private static boolean partOfANumber(NormalisedText t, LexiconMatch m) {
    if (!t.token(m.firstToken()).numeric()) {
      return false;
    }
    int next = m.lastToken() + 1;
    int previous = m.firstToken() - 1;
    return next < t.size()
            && t.token(next).numeric()
            && t.token(next).start() - t.token(m.lastToken()).end() <= 1
        || previous >= 0
            && t.token(previous).numeric()
            && t.token(m.firstToken()).start() - t.token(previous).end() <= 1;
  }

  /** Thanks for a life saved with no firm allegation is praise, not libel. */
  private static boolean benign(Analysis a) {
    return a.lifeSaved && !a.allegation;
  }

  private static void spam(Analysis a, List<Finding> out) {
    int cues = 0;
    for (Finding f : out) {
      if (f.label() == LabelName.SPAM) {
        cues++;
      }
    }
    if (cues >= 2 || (cues >= 1 && a.links >= 1)) {
      // A scammer's contact details are the scam, not a patient's personal data.
      out.removeIf(
          f ->
              f.label() == LabelName.PERSONAL_DATA
                  && (f.source().equals("rule:email") || f.source().equals("rule:phone-number")));
      for (int i = 0; i < out.size(); i++) {
        Finding f = out.get(i);
        if (f.label() == LabelName.SPAM) {
          out.set(
              i,
              new Finding(
                  f.label(),
                  f.source(),
                  f.start(),
                  f.end(),
                  0.9,
                  true,
                  f.explanation() + (a.links > 0 ? " With a link." : " More than one such cue.")));
        }
      }
    }
  }

  private static Finding finding(
      LabelName label,
      String source,
      int start,
      int end,
      double confidence,
      boolean decisive,
      String why) {
    return new Finding(label, source, start, end, confidence, decisive, why);
  }

  /** The rules' view of one post. */
  public static final class Analysis {
    /** The normalised post. */
    public final NormalisedText text;

    /** Lexicon matches that survived idiom exclusion. */
    public final List<LexiconMatch> matches;

    /** Tokens inside an idiom. */
    public final boolean[] idiom;

    /** Everything the rules found. */
    public final List<Finding> findings = new ArrayList<>(8);

    boolean[] secondPerson;
    boolean[] person;
    boolean[] past;
    boolean present;
    boolean target;
    boolean staffNamed;
    boolean titledName;
    boolean lifeSaved;
    boolean allegation;
    boolean rhetorical;
    int links;
    int questionMarks;

    Analysis(NormalisedText text, List<LexiconMatch> matches, boolean[] idiom) {
      this.text = text;
      this.matches = matches;
      this.idiom = idiom;
    }

    /** Whether an identifiable person (named, titled, by role) or the trust is mentioned. */
    public boolean hasTarget() {
      return target;
    }

    /** Whether thanks for a life saved appears with no firm allegation. */
    public boolean benignNamedPraise() {
      return lifeSaved && !allegation;
    }

    /** Whether a rhetorical question ("how is that acceptable?") appears. */
    public boolean rhetorical() {
      return rhetorical;
    }

    /** Links in the post. */
    public int links() {
      return links;
    }

    /** Question marks in the post. */
    public int questionMarks() {
      return questionMarks;
    }

    /** Whether the post speaks of the present ("now", "tonight"). */
    public boolean present() {
      return present;
    }
  }
}
