package org.hiddenneurons;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The package rules of the application (main classes only), checked with ArchUnit:
 *
 * <pre>
 * layer      packages                      may use
 * core       core..                        (no other project package)
 * viz        viz..                         core
 * data       data..                        core
 * train      train..                       core, data
 * services   eval.., analysis.., io..      core, viz, data, train (and each other, without cycles)
 * cli        cli..                         core, viz, data, train, services
 * ui         ui..                          core, viz, data, train, services
 * launcher   org.hiddenneurons (Launcher)  everything
 * </pre>
 *
 * Plus: no cycles between packages and JavaFX only in {@code ui}.
 */
@AnalyzeClasses(packages = "org.hiddenneurons", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.hiddenneurons";

    @ArchTest
    static final ArchRule LAYERS_POINT_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("core").definedBy(ROOT + ".core..")
            .layer("viz").definedBy(ROOT + ".viz..")
            .layer("data").definedBy(ROOT + ".data..")
            .layer("train").definedBy(ROOT + ".train..")
            .layer("services").definedBy(ROOT + ".eval..", ROOT + ".analysis..", ROOT + ".io..")
            .layer("cli").definedBy(ROOT + ".cli..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("launcher").definedBy(ROOT)
            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("viz").mayOnlyAccessLayers("core")
            .whereLayer("data").mayOnlyAccessLayers("core")
            .whereLayer("train").mayOnlyAccessLayers("core", "data")
            .whereLayer("services").mayOnlyAccessLayers("core", "viz", "data", "train")
            .whereLayer("cli").mayOnlyAccessLayers("core", "viz", "data", "train", "services")
            .whereLayer("ui").mayOnlyAccessLayers("core", "viz", "data", "train", "services");

    /** Top-level packages (core, data, io, …) form no cycle. */
    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching(ROOT + ".(*)..")
            .should().beFreeOfCycles();

    /**
     * Sub-packages (core.kernel, core.walkthrough, io.handout, ui.dossier, …) form no cycle either,
     * apart from one known back edge: the kernels apply {@code core.Activation} (moving the enum into
     * the kernel package would touch forty files). The ui sub-packages are left out until the
     * workbench split (issue 18 §2): today ui.backprop, ui.data, ui.dossier, ui.replay and others
     * use ui's shared controls while ui assembles them.
     */
    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_SUB_PACKAGES = slices().matching(ROOT + ".(**)")
            .that(DescribedPredicate.describe("are outside ui", (Slice slice) -> !slice.getNamePart(1).startsWith("ui")))
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(ROOT + ".core.kernel"), name(ROOT + ".core.Activation"));

    @ArchTest
    static final ArchRule JAVAFX_ONLY_IN_UI = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the math, data, files and CLI run without a display (STYLE.md: layering)");
}
