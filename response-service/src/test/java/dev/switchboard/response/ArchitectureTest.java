package dev.switchboard.response;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the rules of each feature plain Java, and features out of each other's adapters. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("dev.switchboard.response");

  private static final String[] RULES = {
    "dev.switchboard.response.cases", "dev.switchboard.response.search"
  };

  @Test
  void featureRulesUseNoFrameworkKafkaSearchJdbcOrHttpTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(RULES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "org.opensearch..",
            "java.sql..",
            "javax.sql..",
            "jakarta.servlet..",
            "java.net.http..",
            "org.apache.hc..",
            "tools.jackson..",
            "com.fasterxml.jackson.databind..")
        .check(CLASSES);
  }

  @Test
  void casesDoNotReachIntoSearchAdapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.switchboard.response.cases..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.switchboard.response.search.persistence..",
            "dev.switchboard.response.search.web..")
        .check(CLASSES);
  }

  @Test
  void searchDoesNotDependOnCases() {
    noClasses()
        .that()
        .resideInAPackage("dev.switchboard.response.search..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.switchboard.response.cases..")
        .check(CLASSES);
  }

  @Test
  void adaptersAreNotUsedByTheRules() {
    noClasses()
        .that()
        .resideInAnyPackage(RULES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..response.cases.messaging..",
            "..response.cases.persistence..",
            "..response.cases.web..",
            "..response.config..")
        .check(CLASSES);
  }
}
