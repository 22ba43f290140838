package dev.switchboard.moderation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the moderation rules plain Java, free of frameworks, Kafka, JDBC and HTTP. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.switchboard.moderation");

  @Test
  void domainUsesNoFrameworkMessagingOrJson() {
    noClasses()
        .that()
        .resideInAPackage("..moderation.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "io.micrometer..",
            "java.sql..",
            "javax.sql..",
            "org.flywaydb..",
            "org.postgresql..",
            "java.net.http..")
        .check(CLASSES);
  }

  @Test
  void domainDoesNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..moderation.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..moderation.messaging..",
            "..moderation.persistence..",
            "..moderation.web..",
            "..moderation.config..")
        .check(CLASSES);
  }
}
