package io.leadflow.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules docs/architecture.md draws: the API reaches the activities module
 * only through the packages listed here, and no two packages of LeadFlow depend on each other.
 * (The workflows module's own rule, Temporal SDK only, is {@code WorkflowsArchitectureTest}.)
 */
class ArchitectureTest {

  /** What the API process may use from activities: the lead store, and the features it administers or receives. */
  static final String[] ACTIVITIES_THE_API_USES = {
    "io.leadflow.activities.store..",
    "io.leadflow.activities.consent..",
    "io.leadflow.activities.routing..",
    "io.leadflow.activities.scoring..",
    "io.leadflow.activities.playbook..",
    // Message templates: the admin API saves and lists them; the senders (outreach) stay out of reach.
    "io.leadflow.activities.messages..",
    "io.leadflow.activities.temporal..",
    "io.leadflow.activities.outreach.twilio..",
    "io.leadflow.activities.outreach.sendgrid..",
  };

  private static final JavaClasses LEADFLOW =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.leadflow");

  @Test
  void theApiReachesActivitiesOnlyThroughTheDeclaredPackages() {
    noClasses()
        .that().resideInAPackage("io.leadflow.api..")
        .should().dependOnClassesThat(
            resideInAPackage("io.leadflow.activities..").and(not(resideInAnyPackage(ACTIVITIES_THE_API_USES))))
        .check(LEADFLOW);
  }

  @Test
  void activitiesAndWorkflowsNeverReachTheApi() {
    noClasses()
        .that().resideInAnyPackage("io.leadflow.activities..", "io.leadflow.workflows..")
        .should().dependOnClassesThat().resideInAPackage("io.leadflow.api..")
        .check(LEADFLOW);
  }

  @Test
  void noPackageCycles() {
    slices().matching("io.leadflow.(**)").should().beFreeOfCycles().check(LEADFLOW);
  }
}
