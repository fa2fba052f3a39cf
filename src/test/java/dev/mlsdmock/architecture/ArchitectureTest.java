package dev.mlsdmock.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled classes: features depend in one direction
 * (no package cycles, a sub-package counts as a package of its own), the leaf packages depend on no feature, and
 * nothing depends on the HTTP layer.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mlsdmock");
    private static final int MAX_LINES = 250;

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.mlsdmock.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingOutsideWebDependsOnWeb() {
        noClasses().that().resideOutsideOfPackage("dev.mlsdmock.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.mlsdmock.web..")
                .check(MAIN);
    }

    @Test
    void theInterviewVocabularyAndTheErrorTypeAreLeaves() {
        noClasses().that().resideInAPackage("dev.mlsdmock.flow..")
                .should().dependOnClassesThat().resideInAnyPackage(features("flow"))
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.mlsdmock.error..")
                .should().dependOnClassesThat().resideInAnyPackage(features("error"))
                .check(MAIN);
    }

    @Test
    void theInterviewKnowsTheInterviewerOnlyThroughItsInterface() {
        noClasses().that().resideInAPackage("dev.mlsdmock.interview..")
                .should().dependOnClassesThat().resideInAPackage("dev.mlsdmock.interviewer.llm..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.mlsdmock.interview..")
                .should().dependOnClassesThat().haveSimpleName("OfflineInterviewer")
                .orShould().dependOnClassesThat().haveSimpleName("InterviewerSwitch")
                .check(MAIN);
    }

    @Test
    void gradingReadsInterviewsThroughTheService() {
        noClasses().that().resideInAPackage("dev.mlsdmock.grading..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.mlsdmock.interview.Interview")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.mlsdmock.interview.Turn")
                .check(MAIN);
    }

    @Test
    void noSourceFileIsLongerThanTheLimit() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + " (" + lines(f) + " lines)").toList();
            assertThat(tooLong).as("classes over %d lines: split them by role", MAX_LINES).isEmpty();
        }
    }

    /** Every project package except the given leaf and its sub-packages. */
    private static String[] features(String leaf) {
        return MAIN.stream().map(c -> c.getPackageName()).distinct()
                .filter(p -> !p.equals("dev.mlsdmock." + leaf) && !p.startsWith("dev.mlsdmock." + leaf + "."))
                .toArray(String[]::new);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
