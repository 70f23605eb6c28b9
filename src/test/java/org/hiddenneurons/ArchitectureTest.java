package org.hiddenneurons;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

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
 * Plus: no cycles between packages, JavaFX only in {@code ui}, and no static field that holds
 * mutable state (static fields are final, and of a type whose values cannot change, or named in
 * {@link #CONSTANT_ARRAYS} as an array nothing writes after class initialisation).
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
     * Every package is a slice of its own (core, core.kernel, core.walkthrough, io.handout, ui,
     * ui.controls, ui.dossier, ui.replay, ui.work, …), and no slices form a cycle. So {@code ui},
     * which assembles the window, sits above its page packages, and they use ui's shared pieces only
     * from below ({@code ui.controls}, {@code ui.work}, {@code ui.formula}, {@code ui.i18n}). One
     * known back edge is ignored: the kernels apply {@code core.Activation} (moving the enum into the
     * kernel package would touch forty files).
     */
    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_SUB_PACKAGES = slices().matching(ROOT + ".(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(ROOT + ".core.kernel"), name(ROOT + ".core.Activation"));

    /**
     * The reusable controls (grid, tiles, prediction bars, colour bar, style names) sit below every
     * other ui package: they use nothing in ui but {@code ui.i18n}, so every page can build on them.
     */
    @ArchTest
    static final ArchRule UI_CONTROLS_USE_ONLY_I18N_FROM_UI = noClasses()
            .that().resideInAPackage(ROOT + ".ui.controls..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".ui..")
                    .and(not(resideInAnyPackage(ROOT + ".ui.controls..", ROOT + ".ui.i18n.."))))
            .because("the pages and the window build on the controls, never the reverse");

    @ArchTest
    static final ArchRule JAVAFX_ONLY_IN_UI = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the math, data, files and CLI run without a display (STYLE.md: layering)");

    /**
     * Arrays are mutable; these are private, written only in their class initialiser and never
     * handed out, so they are constants in use.
     */
    static final Set<String> CONSTANT_ARRAYS = Set.of(
            ROOT + ".analysis.ActivationRange.QUANTILES",
            ROOT + ".data.PngHeader.SIGNATURE",
            ROOT + ".data.Dataset.LEVEL_VALUES",
            ROOT + ".core.kernel.VectorKernel.WARM_UP_TILES",
            ROOT + ".core.kernel.VectorKernel.WARM_UP_STAGES",
            ROOT + ".data.StrokeRasterizer.GRAY",
            ROOT + ".io.HistoryCsv.COLUMNS",
            ROOT + ".io.TrainingRunFile.METRIC_COLUMNS",
            ROOT + ".ui.dossier.UnitModeSelector.MODES");

    /**
     * Static state that is not a constant, each with its reason. The JIT compiles code once per
     * JVM, so "which vector tiles are compiled yet" and "has the warm-up started" belong to the JVM,
     * not to any object. The UI language is one setting for the whole process (as JabRef's
     * {@code Localization}): {@code I18n.locale} is read by 526 {@code I18n.t} calls in 60 files, and
     * a switch rebuilds the window's views, so an instance threaded through every view would add
     * parameters without adding a second language at a time. A data set's deskewed copy (376 MB
     * for 60 000 × 784 images) is made once for every trainer and the window's data views that
     * prepare it ({@code DeskewedCopies}, weakly held): two copies would not fit in 1 GB.
     */
    static final Set<String> ALLOWED_STATE = Set.of(
            ROOT + ".core.kernel.VectorKernel.compiledTiles",
            ROOT + ".core.kernel.VectorKernel.WARM_UP_STARTED",
            ROOT + ".core.BatchedCostFunction.WARM_UP_STARTED",
            ROOT + ".train.DeskewedCopies.ENTRIES",
            ROOT + ".ui.i18n.I18n.locale");

    /** Types whose instances hold changing state: never in a static field. */
    private static final Set<String> MUTABLE_TYPES = Set.of(
            java.util.concurrent.Executor.class.getName(), Thread.class.getName(),
            java.util.Random.class.getName(), java.util.Collection.class.getName(), java.util.Map.class.getName());

    /** Collection and map fields are constants only when built by these factories (List.of, …). */
    private static final Set<String> MUTABLE_COLLECTIONS = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayDeque", "java.util.EnumMap", "java.util.WeakHashMap",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentLinkedQueue");

    @ArchTest
    static final ArchRule NO_STATIC_MUTABLE_STATE = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
            .should(new ArchCondition<JavaField>("be constants (final, of an immutable type)") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    String why = whyMutable(field);
                    if (why != null) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " " + why));
                    }
                }
            });

    private static String whyMutable(JavaField field) {
        if (field.getName().startsWith("$") || field.getName().equals("serialVersionUID")) {
            return null; // compiler-made (enum $VALUES, assertions) or serialization id
        }
        if (ALLOWED_STATE.contains(field.getFullName())) {
            return null;
        }
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return "is not final";
        }
        JavaClass type = field.getRawType();
        if (type.isArray()) {
            return CONSTANT_ARRAYS.contains(field.getFullName()) ? null : "is an array (mutable)";
        }
        if (type.getPackageName().equals("java.util.concurrent.atomic")) {
            return "is an atomic variable (mutable)";
        }
        for (String mutable : MUTABLE_TYPES) {
            if (type.isAssignableTo(mutable)) {
                boolean collection = type.isAssignableTo(java.util.Collection.class) || type.isAssignableTo(java.util.Map.class);
                if (!collection || buildsMutableCollection(field.getOwner())) {
                    return "has type " + type.getName() + " (mutable)";
                }
            }
        }
        return null;
    }

    /**
     * Whether the class initialiser of {@code owner} creates a mutable collection and does not wrap
     * it ({@code Collections.unmodifiable…}, {@code List.copyOf}, …) before storing it.
     */
    private static boolean buildsMutableCollection(JavaClass owner) {
        return owner.getStaticInitializer()
                .map(init -> init.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> MUTABLE_COLLECTIONS.contains(call.getTargetOwner().getName()))
                        && init.getMethodCallsFromSelf().stream().noneMatch(call -> call.getName().startsWith("unmodifiable")
                        || call.getName().equals("copyOf")))
                .orElse(false);
    }
}
