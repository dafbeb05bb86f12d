package io.leadflow.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workflows module holds the contracts and the deterministic workflow code: it needs the
 * Temporal SDK and the JDK only, and its code reads no clock, no randomness and no I/O (workflow
 * code replays; {@code Workflow.currentTimeMillis} and {@code Workflow.randomUUID} are the safe ones).
 */
class WorkflowsArchitectureTest {

  private static final JavaClasses WORKFLOWS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.leadflow.workflows");

  @Test
  void dependsOnTheTemporalSdkAndTheJdkOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.leadflow.workflows..",
            "io.temporal..",
            // The SDK's JSON converter (Jackson) reads LeadState's annotations; its metrics API is tally.
            "com.fasterxml.jackson..",
            "com.uber.m3.tally..",
            "java.lang..",
            "java.util..",
            "java.time..",
            "java.nio.charset..",
            "java.security..")
        .check(WORKFLOWS);
  }

  @Test
  void readsNoClockNoRandomnessAndNoIo() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().callMethod(UUID.class, "randomUUID")
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .orShould().dependOnClassesThat().areAssignableTo(Random.class)
        .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
        .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.file..", "java.sql..")
        .check(WORKFLOWS);
  }
}
