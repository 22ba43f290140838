package dev.switchboard.classify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.classify.Classifiers;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Reason;
import dev.switchboard.contracts.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hard cases of issue 4, on the classifier as it ships (trained on the shipped corpus). */
class SwitchboardClassifierTest {

  private final SwitchboardClassifier classifier = Classifiers.shipped();

  private List<LabelName> labels(String text) {
    return classifier.classify(text).labels().stream().map(Label::name).toList();
  }

  private Label label(String text, LabelName name) {
    return classifier.classify(text).labels().stream()
        .filter(l -> l.name() == name)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not given to: " + text));
  }

  @Test
  void idiomIsNotIntent() {
    for (String text :
        List.of(
            "the wait was murder but the nurses were lovely",
            "I could kill for a coffee after that night shift",
            "The physio team are killing it today",
            "nearly died laughing at the panto on the children's ward")) {
      assertThat(labels(text))
          .as(text)
          .doesNotContain(LabelName.ABUSE, LabelName.SAFEGUARDING, LabelName.CLINICAL_URGENT);
    }
  }

  @Test
  void obfuscatedSwearingAtPeopleIsAbuse() {
    for (String text :
        List.of(
            "you f***ing useless lot",
            "that receptionist is a c*nt",
            "the nurse is a stupid b1tch",
            "you are a c u n t")) {
      assertThat(labels(text)).as(text).contains(LabelName.ABUSE);
    }
  }

  @Test
  void theAbuseReasonPointsAtTheOriginalObfuscatedWord() {
    String text = "that receptionist is a c*nt";
    Reason reason = label(text, LabelName.ABUSE).reasons().get(0);
    assertThat(text.substring(reason.start(), reason.end())).isEqualTo("c*nt");
  }

  @Test
  void aNamedDoctorWhoSavedMyLifeIsPraiseNotLibel() {
    List<LabelName> labels = labels("Dr Patel saved my life. I can't thank her enough.");
    assertThat(labels).contains(LabelName.PRAISE).doesNotContain(LabelName.LIBEL_RISK);
  }

  @Test
  void anAllegationAgainstANamedDoctorIsLibelRiskPointingAtTheAllegation() {
    String text = "Dr Patel falsified my notes to cover up his mistake.";
    Label libel = label(text, LabelName.LIBEL_RISK);
    assertThat(libel.reasons())
        .extracting(r -> text.substring(r.start(), r.end()))
        .contains("falsified");
    assertThat(libel.reasons())
        .extracting(Reason::source)
        .containsOnly("rule:allegation-against-identifiable-person");
  }

  @Test
  void withAStaffDirectoryANamedAllegationIsSurer() throws Exception {
    java.nio.file.Path staff = java.nio.file.Files.createTempFile("staff", ".txt");
    java.nio.file.Files.writeString(staff, "# name, role\nAmir Patel, consultant cardiologist\n");
    SwitchboardClassifier withDirectory =
        dev.switchboard.classify.batch.ClassifierFactory.build(
            new dev.switchboard.classify.batch.ClassifierFactory.Options(
                null,
                staff,
                dev.switchboard.classify.batch.ClassifierFactory.DEFAULT_TRUST_CONTACTS,
                TriageRules.defaults(),
                java.time.Clock.systemUTC()),
            List.of(Classifiers.fixtureCorpus()));
    Label libel =
        withDirectory.classify("Amir Patel stole from patients").labels().stream()
            .filter(l -> l.name() == LabelName.LIBEL_RISK)
            .findFirst()
            .orElseThrow();
    assertThat(libel.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(labels("Amir Patel stole from patients")).doesNotContain(LabelName.LIBEL_RISK);
  }

  @Test
  void notGoingToDoAnythingStupidIsStillSafeguarding() {
    Verdict v =
        classifier.classify("not going to do anything stupid, just feel like a burden to everyone");
    assertThat(v.labels()).extracting(Label::name).contains(LabelName.SAFEGUARDING);
    assertThat(v.priority()).isEqualTo(Priority.P1);
    assertThat(v.route()).isEqualTo(Team.SAFEGUARDING);
  }

  @Test
  void chestPainNowIsClinicalUrgentButNoChestPainOrLastYearIsNot() {
    assertThat(labels("My dad has chest pain right now and his lips are turning blue"))
        .contains(LabelName.CLINICAL_URGENT);
    assertThat(labels("Seen in A&E for my ankle, no chest pain thankfully, home now"))
        .doesNotContain(LabelName.CLINICAL_URGENT);
    assertThat(labels("I had a stroke last year and the rehab team were wonderful"))
        .doesNotContain(LabelName.CLINICAL_URGENT);
  }

  @Test
  void anNhsNumberCountsOnlyWithAValidCheckDigit() {
    for (String number : List.of("943 476 5919", "9434765919", "943-476-5919")) {
      Label pd = label("Her NHS number is " + number + " please help", LabelName.PERSONAL_DATA);
      assertThat(pd.reasons()).extracting(Reason::source).contains("rule:nhs-number");
    }
    assertThat(labels("Reference 943 476 5918 from the parking fine"))
        .doesNotContain(LabelName.PERSONAL_DATA);
  }

  @Test
  void otherPersonalDataIsFoundAndTheTrustsOwnContactsAreNot() {
    assertThat(labels("Ring my mum on 07700 900123 she is on ward 5"))
        .contains(LabelName.PERSONAL_DATA);
    assertThat(labels("email me at jo.bloggs@gmail.com")).contains(LabelName.PERSONAL_DATA);
    assertThat(labels("John Smith DOB 12/03/1954 is on ward 9")).contains(LabelName.PERSONAL_DATA);
    assertThat(labels("Contact PALS at pals@northbrook.nhs.uk"))
        .doesNotContain(LabelName.PERSONAL_DATA);
  }

  @Test
  void aRhetoricalQuestionIsNotAQuestionButARequestIs() {
    assertThat(labels("We waited six hours in the corridor. How is that acceptable?"))
        .doesNotContain(LabelName.QUESTION);
    assertThat(labels("Can someone ring me back about my appointment please"))
        .contains(LabelName.QUESTION);
  }

  @Test
  void spamWithALinkIsSpam() {
    assertThat(labels("follow for follow, cheap followers at http://x.example"))
        .contains(LabelName.SPAM);
  }

  @Test
  void everyLabelHasReasonsWithSpansInsideTheText() {
    String text = "Dr Patel falsified my notes, you f***ing liars. I want to die. NHS 943 476 5919";
    Verdict v = classifier.classify(text);
    assertThat(v.labels()).isNotEmpty();
    for (Label l : v.labels()) {
      assertThat(l.reasons()).as(l.name().name()).isNotEmpty();
      assertThat(l.confidence()).isBetween(0.0, 1.0);
      for (Reason r : l.reasons()) {
        assertThat(r.start()).isBetween(0, text.length());
        assertThat(r.end()).isBetween(r.start(), text.length());
        assertThat(r.source()).isNotBlank();
        assertThat(r.explanation()).isNotBlank();
      }
    }
  }

  @Test
  void theVersionNamesTheReleaseAndAHash() {
    assertThat(classifier.version()).matches("switchboard-classifier-1\\.0\\+[0-9a-f]{12}");
  }
}
