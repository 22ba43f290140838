package dev.switchboard.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the ingest rules (connectors, normalizers, cursors, the webhook mapper, the import, text
 * cleaning) plain Java over the {@code channels} clients, tested without a server, with the
 * framework and Kafka in the adapters ({@code config}, {@code web}, {@code cli}, {@code messaging},
 * {@code health}, {@code demo}). A new platform's package is held to it without being named here.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.switchboard.ingest");

  private static final String[] ADAPTERS = {
    "..ingest.config..",
    "..ingest.web..",
    "..ingest.messaging..",
    "..ingest.demo..",
    "..ingest.connectors.config..",
    "..ingest.connectors.web..",
    "..ingest.connectors.messaging..",
    "..ingest.connectors.health..",
    "..ingest.webhook.web..",
    "..ingest.backfill.web..",
    "..ingest.backfill.cli..",
    "..ingest.backfill.config..",
  };

  @Test
  void rulesUseNoFrameworkServerOrKafka() {
    noClasses()
        .that()
        .resideInAPackage("dev.switchboard.ingest..")
        .and()
        .resideOutsideOfPackages(ADAPTERS)
        .and()
        .doNotHaveSimpleName("Application")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut.context..",
            "io.micronaut.http..",
            "io.micronaut.runtime..",
            "io.micronaut.scheduling..",
            "jakarta.inject..",
            "org.apache.kafka..",
            "io.micrometer..")
        .check(CLASSES);
  }

  @Test
  void rulesDoNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.switchboard.ingest..")
        .and()
        .resideOutsideOfPackages(ADAPTERS)
        .and()
        .doNotHaveSimpleName("Application")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(CLASSES);
  }

  @Test
  void oneConnectorDoesNotUseAnother() {
    String root = "dev.switchboard.ingest.connectors.";
    Set<String> shared = Set.of("config", "web", "messaging", "health", "window");
    Set<String> platforms =
        CLASSES.stream()
            .map(JavaClass::getPackageName)
            .filter(p -> p.startsWith(root))
            .map(p -> p.substring(root.length()).split("\\.")[0])
            .filter(p -> !shared.contains(p))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(platforms).contains("facebook", "youtube", "wordpress", "blogger", "feeds");
    for (String platform : platforms) {
      String[] others =
          platforms.stream()
              .filter(p -> !p.equals(platform))
              .map(p -> root + p + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(root + platform + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(CLASSES);
    }
  }
}
