package dev.switchboard.classify.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.domain.text.NormalisedText;
import dev.switchboard.classify.domain.text.Normaliser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataDetectorTest {

  private final Lexicon lexicon =
      new Lexicon(
          Lexicon.parse(
              new StringReader(
                  "[dob]\ndob\ndate of birth\nborn on\n[hospital_number]\nhospital number\nmrn\n"
                      + "[health_detail]\ncancer\nward | 0.5\n")));
  private final Normaliser normaliser = new Normaliser(lexicon::knows, List.of());
  private final PersonalDataDetector detector =
      new PersonalDataDetector(
          new TrustContacts(List.of("@nhs.uk", "01632 960000", "NB1 1AA")), Set.of("john"));

  private List<String> found(String text) {
    NormalisedText nt = normaliser.normalise(text);
    List<Finding> out = new ArrayList<>();
    detector.detect(nt, lexicon.match(nt), out);
    return out.stream().map(f -> f.source() + "=" + text.substring(f.start(), f.end())).toList();
  }

  @Test
  void nhsNumbersInEveryWrittenFormWithAValidCheckDigit() {
    assertThat(found("no 943 476 5919")).containsExactly("rule:nhs-number=943 476 5919");
    assertThat(found("no 9434765919")).containsExactly("rule:nhs-number=9434765919");
    assertThat(found("no 943-476-5919")).containsExactly("rule:nhs-number=943-476-5919");
    assertThat(found("no 943 476 5918")).isEmpty();
  }

  @Test
  void phonesButNotTheTrustsOwnOrAnOrganisationsLine() {
    assertThat(found("text me on 07700 900123")).containsExactly("rule:phone-number=07700 900123");
    assertThat(found("ring 01632 960000")).isEmpty();
    assertThat(found("Rang PALS on 01632 960345 twice")).isEmpty();
  }

  @Test
  void emailsButNotTheTrustsOrRoleMailboxes() {
    assertThat(found("write to jo.bloggs@gmail.com"))
        .containsExactly("rule:email=jo.bloggs@gmail.com");
    assertThat(found("write to pals@trust.nhs.uk or info@example.org")).isEmpty();
  }

  @Test
  void datesOfBirthHospitalNumbersAndAddresses() {
    assertThat(found("DOB 12/03/1954")).containsExactly("rule:date-of-birth=DOB 12/03/1954");
    assertThat(found("her MRN is K1234567"))
        .containsExactly("rule:hospital-number=MRN is K1234567");
    assertThat(found("she lives at 14 Acacia Avenue"))
        .contains("rule:home-address=14 Acacia Avenue");
    assertThat(found("postcode LS1 4AB")).containsExactly("rule:postcode=LS1 4AB");
    assertThat(found("we are at NB1 1AA")).isEmpty();
  }

  @Test
  void aNameBesideHealthDetails() {
    assertThat(found("John Smith has cancer"))
        .containsExactly(
            "rule:name-with-health-details=John Smith", "rule:name-with-health-details=cancer");
    assertThat(found("my sister Zara Iqbal is on the ward"))
        .contains("rule:name-with-health-details=Zara Iqbal");
    assertThat(found("Dr John Smith treats cancer")).isEmpty();
  }
}
