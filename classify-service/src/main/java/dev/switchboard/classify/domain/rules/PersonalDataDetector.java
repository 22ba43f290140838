package dev.switchboard.classify.domain.rules;

import dev.switchboard.classify.domain.text.NormalisedText;
import dev.switchboard.classify.domain.text.Token;
import dev.switchboard.contracts.LabelName;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what identifies a patient: checksum-valid NHS numbers, hospital numbers, dates of birth, UK
 * phone numbers, e-mail addresses, home addresses and postcodes, and a person's name beside health
 * details. The trust's own contact details are not personal data.
 */
public final class PersonalDataDetector {

  private static final LabelName PD = LabelName.PERSONAL_DATA;

  private static final Pattern NHS =
      Pattern.compile("(?<![\\d+])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![\\d])");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d])(?:\\+44\\s?\\(?0?\\)?\\s?|\\(?0)(?:\\d[\\s\\-)]{0,2}){9,10}(?![\\d])");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern POSTCODE =
      Pattern.compile(
          "\\b([A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?) ?(\\d[ABD-HJLNP-UW-Z]{2})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern STREET =
      Pattern.compile(
          "\\b\\d{1,4}[a-zA-Z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|"
              + "Close|Drive|Dr|Crescent|Gardens|Terrace|Way|Court|Grove|Place|Walk|Row|Hill|Mews|"
              + "Square|Park|View|Rise)\\b");
  private static final Pattern DATE =
      Pattern.compile(
          "\\b(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:19|20)?\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
              + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+(?:19|20)\\d{2}"
              + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}"
              + "(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z]{0,3}\\d{5,10}\\b");

  private static final Set<String> ROLE_MAILBOXES =
      Set.of(
          "pals",
          "info",
          "admin",
          "enquiries",
          "enquiry",
          "bookings",
          "booking",
          "volunteers",
          "contact",
          "hello",
          "support",
          "office",
          "reception",
          "noreply",
          "no-reply",
          "team",
          "complaints",
          "feedback",
          "press",
          "media",
          "hr",
          "jobs",
          "recruitment",
          "appointments");
  private static final List<String> ORGANISATION_CUES =
      List.of(
          "pals",
          "switchboard",
          "trust",
          "booking",
          "website",
          "reception",
          "department",
          "office",
          "helpline",
          "hospital",
          "team on",
          "appointments",
          "number for");
  private static final Set<String> RELATIONS =
      Set.of(
          "mum",
          "mam",
          "dad",
          "mother",
          "father",
          "wife",
          "husband",
          "son",
          "daughter",
          "sister",
          "brother",
          "friend",
          "mate",
          "gran",
          "grandad",
          "grandpa",
          "grandma",
          "granny",
          "nan",
          "nana",
          "nanna",
          "aunt",
          "auntie",
          "aunty",
          "uncle",
          "cousin",
          "nephew",
          "niece",
          "partner",
          "boyfriend",
          "girlfriend",
          "baby",
          "our",
          "little",
          "law",
          "rip",
          "is",
          "named",
          "patient",
          "neighbour",
          "young",
          "child",
          "kid",
          "lad",
          "girl",
          "boy");
  private static final Pattern LIVES_ON =
      Pattern.compile(
          "\\b(?:lives?|living)\\s+(?:on|at|in)\\s+(?:number\\s+\\d+\\s+)?(?:[A-Z][a-z]+\\s+){1,3}"
              + "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Gardens|Terrace|Way|Court|"
              + "Grove|Place|Walk|Row|Hill|Mews|Bank|Green|Square)\\b|\\bnumber\\s+\\d{1,4}\\s+"
              + "(?:[A-Z][a-z]+\\s+)?[A-Z][a-z]+\\b");

  private static final Set<String> NOT_SURNAMES =
      Set.of(
          "hospital",
          "general",
          "infirmary",
          "ward",
          "trust",
          "nhs",
          "centre",
          "center",
          "unit",
          "clinic",
          "team",
          "department",
          "street",
          "road",
          "the",
          "and",
          "is",
          "was",
          "has",
          "had",
          "on",
          "in",
          "at",
          "a",
          "e",
          "i",
          "day",
          "night",
          "royal",
          "university");

  private static final Set<String> STAFF_TITLES =
      Set.of("dr", "doctor", "nurse", "sister", "matron", "prof", "professor", "midwife");
  private static final Set<String> POSSESSIVES = Set.of("my", "our", "his", "her", "their", "your");
  private static final Set<String> PATIENT_TITLES = Set.of("mr", "mrs", "miss", "ms");

  private final TrustContacts trust;
  private final Set<String> firstNames;

  /** A detector that ignores the trust's contacts and recognises the given first names. */
  public PersonalDataDetector(TrustContacts trust, Set<String> firstNames) {
    this.trust = trust;
    this.firstNames = Set.copyOf(firstNames);
  }

  /** Adds every personal-data finding in the text to {@code out}. */
  public void detect(NormalisedText text, List<LexiconMatch> matches, List<Finding> out) {
    String s = text.original();
    int digits = 0;
    boolean at = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      }
    }
    if (digits >= 10) {
      nhsNumbers(s, out);
      phones(s, out);
    }
    if (at) {
      emails(s, out);
    }
    if (digits >= 1 || s.contains("live")) {
      livesOn(s, out);
    }
    if (digits >= 1) {
      postcodes(s, out);
      streets(s, out);
      datesOfBirth(text, matches, out);
      hospitalNumbers(text, matches, out);
    }
    namesWithHealthDetails(text, matches, out);
  }

  private void nhsNumbers(String s, List<Finding> out) {
    Matcher m = NHS.matcher(s);
    while (m.find()) {
      String number = m.group(1) + m.group(3) + m.group(4);
      if (NhsNumber.valid(number)) {
        out.add(
            new Finding(
                PD,
                "rule:nhs-number",
                m.start(),
                m.end(),
                0.98,
                true,
                "An NHS number (its check digit is valid) identifies a patient."));
      }
    }
  }

  private void phones(String s, List<Finding> out) {
    Matcher m = PHONE.matcher(s);
    while (m.find()) {
      String number = m.group().strip();
      String d = TrustContacts.digits(number);
      String national = d.startsWith("44") ? "0" + d.substring(2) : d;
      boolean shape =
          national.length() == 11
              && national.charAt(0) == '0'
              && "1237".indexOf(national.charAt(1)) >= 0;
      if (!shape || trust.isTrustPhone(number) || organisational(s, m.start())) {
        continue;
      }
      if (NhsNumber.valid(d) && d.length() == 10) {
        continue;
      }
      int end = m.start() + m.group().stripTrailing().length();
      out.add(
          new Finding(
              PD,
              "rule:phone-number",
              m.start(),
              end,
              0.9,
              true,
              "A personal UK phone number posted in public."));
    }
  }

  private void emails(String s, List<Finding> out) {
    Matcher m = EMAIL.matcher(s);
    while (m.find()) {
      String local = m.group().substring(0, m.group().indexOf('@')).toLowerCase(Locale.ROOT);
      if (trust.isTrustEmail(m.group())
          || ROLE_MAILBOXES.contains(local)
          || m.group().toLowerCase(Locale.ROOT).contains("nhs")) {
        continue;
      }
      out.add(
          new Finding(
              PD,
              "rule:email",
              m.start(),
              m.end(),
              0.9,
              true,
              "A personal e-mail address posted in public."));
    }
  }

  /** "Rang PALS on 01632 …", "the switchboard number is …": an organisation's line. */
  private static boolean organisational(String s, int at) {
    String around =
        s.substring(Math.max(0, at - 45), Math.min(s.length(), at + 60)).toLowerCase(Locale.ROOT);
    for (String cue : ORGANISATION_CUES) {
      if (around.contains(cue)) {
        return true;
      }
    }
    return false;
  }

  private void postcodes(String s, List<Finding> out) {
    Matcher m = POSTCODE.matcher(s);
    while (m.find()) {
      String code = m.group();
      boolean upper = code.equals(code.toUpperCase(Locale.ROOT));
      if (!upper || trust.isTrustPostcode(code)) {
        continue;
      }
      out.add(
          new Finding(
              PD,
              "rule:postcode",
              m.start(),
              m.end(),
              0.85,
              true,
              "A postcode, which with other details locates someone's home."));
    }
  }

  private void streets(String s, List<Finding> out) {
    Matcher m = STREET.matcher(s);
    while (m.find()) {
      out.add(
          new Finding(
              PD,
              "rule:home-address",
              m.start(),
              m.end(),
              0.85,
              true,
              "A house number and street: someone's home address."));
    }
  }

  private void livesOn(String s, List<Finding> out) {
    Matcher m = LIVES_ON.matcher(s);
    while (m.find()) {
      out.add(
          new Finding(
              PD,
              "rule:home-address",
              m.start(),
              m.end(),
              0.85,
              true,
              "Where someone lives: a home address."));
    }
  }

  private void datesOfBirth(NormalisedText text, List<LexiconMatch> matches, List<Finding> out) {
    boolean cue = false;
    for (LexiconMatch match : matches) {
      if (match.cue() == Cue.DOB) {
        cue = true;
        break;
      }
    }
    if (!cue) {
      return;
    }
    String s = text.original();
    Matcher m = DATE.matcher(s);
    while (m.find()) {
      for (LexiconMatch match : matches) {
        if (match.cue() != Cue.DOB) {
          continue;
        }
        int cueEnd = text.token(match.lastToken()).end();
        int cueStart = text.token(match.firstToken()).start();
        boolean born = match.entry().words().get(0).equals("born");
        boolean near = m.start() >= cueEnd && m.start() - cueEnd <= 30;
        if (near && (!born || m.group().matches(".*(19|20)\\d\\d.*"))) {
          out.add(
              new Finding(
                  PD,
                  "rule:date-of-birth",
                  cueStart,
                  m.end(),
                  0.95,
                  true,
                  "A date of birth, which with a name identifies a patient."));
          break;
        }
      }
    }
  }

  private void hospitalNumbers(NormalisedText text, List<LexiconMatch> matches, List<Finding> out) {
    for (LexiconMatch match : matches) {
      if (match.cue() != Cue.HOSPITAL_NUMBER) {
        continue;
      }
      for (int i = match.lastToken() + 1; i < Math.min(text.size(), match.lastToken() + 5); i++) {
        Token t = text.token(i);
        String raw = text.original().substring(t.start(), t.end());
        if (IDENTIFIER.matcher(raw).matches()) {
          out.add(
              new Finding(
                  PD,
                  "rule:hospital-number",
                  text.token(match.firstToken()).start(),
                  t.end(),
                  0.95,
                  true,
                  "A hospital or patient number identifies a patient."));
          break;
        }
      }
    }
  }

  private void namesWithHealthDetails(
      NormalisedText text, List<LexiconMatch> matches, List<Finding> out) {
    LexiconMatch health = null;
    boolean strong = false;
    for (LexiconMatch match : matches) {
      if (match.cue() == Cue.HEALTH_DETAIL) {
        if (health == null || match.entry().weight() >= 0.9 && !strong) {
          health = match;
          strong = match.entry().weight() >= 0.9;
        }
      }
    }
    Matcher dates = null;
    for (int i = 0; i + 1 < text.size(); i++) {
      Token first = text.token(i);
      Token second = text.token(i + 1);
      if (!first.capitalised() || !second.capitalised() || first.sentence() != second.sentence()) {
        continue;
      }
      String before = i > 0 ? text.token(i - 1).text() : "";
      // "my sister Zara" is family; "Sister Maureen" runs the ward.
      boolean possessive = i > 1 && POSSESSIVES.contains(text.token(i - 2).text());
      if (STAFF_TITLES.contains(before) && !possessive || STAFF_TITLES.contains(first.text())) {
        continue;
      }
      boolean surname =
          !NOT_SURNAMES.contains(second.text()) && second.text().length() > 1 && !second.numeric();
      // "Mrs Vera Connolly" is a patient; "Mr Okonkwo did the bypass" is a consultant surgeon.
      boolean titledFullName =
          PATIENT_TITLES.contains(first.text())
              && i + 2 < text.size()
              && text.token(i + 2).capitalised()
              && text.token(i + 2).sentence() == first.sentence();
      boolean related =
          RELATIONS.contains(before) && !PATIENT_TITLES.contains(first.text()) || titledFullName;
      boolean known = firstNames.contains(first.text()) || titledFullName;
      if (!surname || !(related || known)) {
        continue;
      }
      int nameEnd = second.end();
      if (i + 2 < text.size()
          && text.token(i + 2).capitalised()
          && text.token(i + 2).sentence() == first.sentence()
          && !NOT_SURNAMES.contains(text.token(i + 2).text())) {
        nameEnd = text.token(i + 2).end();
      }
      if (health != null && (strong || related)) {
        Token h0 = text.token(health.firstToken());
        Token h1 = text.token(health.lastToken());
        out.add(
            new Finding(
                PD,
                "rule:name-with-health-details",
                first.start(),
                nameEnd,
                strong ? 0.85 : 0.75,
                true,
                "A person's name together with details of their health or hospital stay."));
        out.add(
            new Finding(
                PD,
                "rule:name-with-health-details",
                h0.start(),
                h1.end(),
                strong ? 0.85 : 0.75,
                true,
                "Health details about the named person."));
        return;
      }
      if (dates == null) {
        dates = DATE.matcher(text.original());
      }
      if (dates.find(nameEnd)
          && dates.start() - nameEnd <= 60
          && dates.group().matches(".*\\d{4}.*")) {
        out.add(
            new Finding(
                PD,
                "rule:name-with-date",
                first.start(),
                dates.end(),
                0.8,
                true,
                "A person's name with a full date, such as a date of birth."));
        return;
      }
    }
  }
}
