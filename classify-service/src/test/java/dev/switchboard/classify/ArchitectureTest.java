package dev.switchboard.classify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the classifier plain Java, testable and reusable in a batch mode without a framework. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.switchboard.classify");

  @Test
  void domainUsesNoFrameworkMessagingOrJson() {
    noClasses()
        .that()
        .resideInAPackage("..classify.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "io.micrometer..",
            "java.sql..",
            "java.net.http..")
        .check(CLASSES);
  }

  @Test
  void domainDoesNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..classify.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..classify.messaging..", "..classify.config..")
        .check(CLASSES);
  }
}
