package dev.probebook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, checked on the compiled classes with no exception list: the engine core (runbook, plan, engine,
 * probes) is free of Spring and Vaadin so the CLI and the notebook share it; probes know nothing above them and
 * nothing of each other; only the notebook (the UI) touches Vaadin; no package depends on itself in a circle.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.probebook");
        // a rule over no classes passes whatever it says: make sure the code is there
        assertThat(classes.contain("dev.probebook.probe.tcp.TcpProbe")).isTrue();
        assertThat(classes.size()).isGreaterThan(300);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.probebook.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreImportsNeitherSpringNorVaadin() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.probebook.runbook..",
                        "dev.probebook.command..",
                        "dev.probebook.plan..",
                        "dev.probebook.engine..",
                        "dev.probebook.step..",
                        "dev.probebook.probe..",
                        "dev.probebook.net..",
                        "dev.probebook.registry..",
                        "dev.probebook.policy..",
                        "dev.probebook.settings..",
                        "dev.probebook.files..",
                        "dev.probebook.audit..",
                        "dev.probebook.access..",
                        "dev.probebook.library..",
                        "dev.probebook.search..",
                        "dev.probebook.history..",
                        "dev.probebook.report..",
                        "dev.probebook.json..",
                        "dev.probebook.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void thePracticeLabImportsNeitherSpringNorVaadin() {
        assertThat(classes.contain("dev.probebook.lab.PracticeLab")).isTrue();
        noClasses()
                .that()
                .resideInAPackage("dev.probebook.lab..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void thePracticeLabKnowsNoProbe() {
        // probes meet the lab only through the probebook.* properties it hands out
        noClasses()
                .that()
                .resideInAPackage("dev.probebook.lab..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.probebook.probe..",
                        "dev.probebook.engine..",
                        "dev.probebook.step..",
                        "dev.probebook.settings..",
                        "dev.probebook.net..")
                .check(classes);
    }

    @Test
    void onlyTheNotebookImportsVaadin() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.probebook.notebook..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void probesImportNothingAboveThem() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.probebook.probe..", "dev.probebook.net..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.probebook.access..",
                        "dev.probebook.notebook..",
                        "dev.probebook.cli..",
                        "dev.probebook.api..",
                        "dev.probebook.security..",
                        "dev.probebook.app..",
                        "dev.probebook.audit..",
                        "dev.probebook.library..",
                        "dev.probebook.step..",
                        "dev.probebook.engine..",
                        "dev.probebook.plan..",
                        "dev.probebook.registry..")
                .check(classes);
    }

    @Test
    void probePackagesDoNotImportEachOther() {
        slices().matching("dev.probebook.probe.(*)..")
                .should()
                .notDependOnEachOther()
                .check(classes);
    }

    @Test
    void accessDecidesWithoutKnowingAnyProbe() {
        noClasses()
                .that()
                .resideInAPackage("dev.probebook.access..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.probebook.probe.*..")
                .check(classes);
    }

    @Test
    void searchKnowsOnlyTheRunbookModel() {
        noClasses()
                .that()
                .resideInAPackage("dev.probebook.search..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.probebook.probe..",
                        "dev.probebook.plan..",
                        "dev.probebook.library..",
                        "dev.probebook.notebook..",
                        "dev.probebook.engine..")
                .check(classes);
    }

    @Test
    void theRunbookModelKnowsNothingOfCommandsOrProbes() {
        noClasses()
                .that()
                .resideInAPackage("dev.probebook.runbook..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.probebook.probe..",
                        "dev.probebook.plan..",
                        "dev.probebook.engine..",
                        "dev.probebook.command..")
                .check(classes);
    }
}
