package dev.switchboard.classify.domain.rules;

import dev.switchboard.classify.domain.text.NormalisedText;
import dev.switchboard.classify.domain.text.Token;
import dev.switchboard.contracts.LabelName;
import java.util.List;
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
      if (!shape || trust.isTrustPhone(number)) {
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
      if (trust.isTrustEmail(m.group())) {
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

  private void postcodes(String s, List<Finding> out) {
    Matcher m = POSTCODE.matcher(s);
    while (m.find()) {
      String code = m.group();
      boolean upper = code.equals(code.toUpperCase(java.util.Locale.ROOT));
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
    for (LexiconMatch match : matches) {
      if (match.cue() == Cue.HEALTH_DETAIL && match.entry().weight() >= 0.9) {
        health = match;
        break;
      }
    }
    if (health == null) {
      return;
    }
    for (int i = 0; i + 1 < text.size(); i++) {
      Token first = text.token(i);
      Token second = text.token(i + 1);
      if (!first.capitalised() || !second.capitalised() || first.sentence() != second.sentence()) {
        continue;
      }
      String before = i > 0 ? text.token(i - 1).text() : "";
      if (STAFF_TITLES.contains(before) || STAFF_TITLES.contains(first.text())) {
        continue;
      }
      boolean surname =
          !NOT_SURNAMES.contains(second.text()) && second.text().length() > 1 && !second.numeric();
      boolean named =
          surname && (firstNames.contains(first.text()) || PATIENT_TITLES.contains(first.text()));
      if (!named) {
        continue;
      }
      Token h0 = text.token(health.firstToken());
      Token h1 = text.token(health.lastToken());
      out.add(
          new Finding(
              PD,
              "rule:name-with-health-details",
              first.start(),
              second.end(),
              0.8,
              true,
              "A person's name together with details of their health."));
      out.add(
          new Finding(
              PD,
              "rule:name-with-health-details",
              h0.start(),
              h1.end(),
              0.8,
              true,
              "Health details about the named person."));
      return;
    }
  }
}
