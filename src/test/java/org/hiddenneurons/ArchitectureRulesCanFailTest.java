package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.hiddenneurons.ui.cyclefixture.Shell;
import org.hiddenneurons.ui.cyclefixture.page.Page;
import org.junit.jupiter.api.Test;

/** The cycle rule of {@link ArchitectureTest} catches the shape it is there for, inside ui too. */
class ArchitectureRulesCanFailTest {

    @Test
    void cycleBetweenAUiPackageAndItsSubPackageIsReported() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Shell.class, Shell.Control.class, Page.class);

        EvaluationResult result = ArchitectureTest.NO_CYCLES_BETWEEN_SUB_PACKAGES.evaluate(fixture);

        assertTrue(result.hasViolation(), "a ui package and its sub-package using each other is a cycle");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Slice ui.cyclefixture.page") && report.contains("Slice ui.cyclefixture"), report);
    }
}
