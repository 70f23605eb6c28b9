package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.hiddenneurons.ui.controls.upfixture.ReachesUp;
import org.hiddenneurons.ui.cyclefixture.Shell;
import org.hiddenneurons.ui.cyclefixture.page.Page;
import org.junit.jupiter.api.Test;

/** The cycle and ui.controls rules of {@link ArchitectureTest} catch the shapes they are there for. */
class ArchitectureRulesCanFailTest {

    @Test
    void cycleBetweenAUiPackageAndItsSubPackageIsReported() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Shell.class, Shell.Control.class, Page.class);

        EvaluationResult result = ArchitectureTest.NO_CYCLES_BETWEEN_SUB_PACKAGES.evaluate(fixture);

        assertTrue(result.hasViolation(), "a ui package and its sub-package using each other is a cycle");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("Slice ui.cyclefixture.page") && report.contains("Slice ui.cyclefixture"), report);
    }

    @Test
    void controlUsingTheUiPackageAboveItIsReported() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesUp.class);

        EvaluationResult result = ArchitectureTest.UI_CONTROLS_USE_ONLY_I18N_FROM_UI.evaluate(fixture);

        assertTrue(result.hasViolation(), "a control using org.hiddenneurons.ui reaches above its layer");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(ReachesUp.class.getName()) && report.contains("org.hiddenneurons.ui.Themes"), report);
    }
}
