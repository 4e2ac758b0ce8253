package kr.qfeedback.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package dependencies of the compiled main classes run one way, from the bottom up: the domain
 * ({@code feedback}, with the reference data), {@code rules}, {@code decision}, the decision
 * records' port, the wire format, the services built on them (rules lifecycle, analysis, impact,
 * acceptance, cohorts), and on top HTTP, the batch, the cluster and the command line. No package
 * cycle, and the top parts do not lean on one another.
 */
@AnalyzeClasses(packages = "kr.qfeedback", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("kr.qfeedback.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dependenciesRunOneWayFromTheDomainUp = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain")
            .definedBy("kr.qfeedback.feedback..", "kr.qfeedback.reference..")
            .layer("Rules")
            .definedBy("kr.qfeedback.rules..")
            .layer("Decision")
            .definedBy("kr.qfeedback.decision..")
            .layer("Records")
            .definedBy("kr.qfeedback.records..")
            .layer("Wire")
            .definedBy("kr.qfeedback.wire..")
            .layer("Services")
            .definedBy(
                    "kr.qfeedback.lifecycle..",
                    "kr.qfeedback.analysis..",
                    "kr.qfeedback.impact..",
                    "kr.qfeedback.acceptance..",
                    "kr.qfeedback.cohort..")
            .layer("CommandLineOptions")
            .definedBy("kr.qfeedback.cli..")
            .layer("Edges")
            .definedBy(
                    "kr.qfeedback.http..", "kr.qfeedback.console..", "kr.qfeedback.batch..", "kr.qfeedback.cluster..")
            .layer("Main")
            .definedBy("kr.qfeedback")
            .whereLayer("Main")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Edges")
            .mayOnlyBeAccessedByLayers("Main")
            .whereLayer("CommandLineOptions")
            .mayOnlyBeAccessedByLayers("Services", "Edges", "Main")
            .whereLayer("Services")
            .mayOnlyBeAccessedByLayers("Edges", "Main")
            .whereLayer("Wire")
            .mayOnlyBeAccessedByLayers("Services", "Edges", "Main")
            .whereLayer("Records")
            .mayOnlyBeAccessedByLayers("Wire", "Services", "Edges", "Main")
            .whereLayer("Decision")
            .mayOnlyBeAccessedByLayers("Records", "Wire", "Services", "Edges", "Main")
            .whereLayer("Rules")
            .mayOnlyBeAccessedByLayers("Decision", "Records", "Wire", "Services", "Edges", "Main");

    @ArchTest
    static final ArchRule httpLeansOnNeitherTheBatchNorTheCluster = noClasses()
            .that()
            .resideInAPackage("kr.qfeedback.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kr.qfeedback.batch..", "kr.qfeedback.cluster..", "kr.qfeedback.console..");

    @ArchTest
    static final ArchRule theBatchLeansOnNeitherHttpNorTheCluster = noClasses()
            .that()
            .resideInAPackage("kr.qfeedback.batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kr.qfeedback.http..", "kr.qfeedback.cluster..", "kr.qfeedback.console..");

    @ArchTest
    static final ArchRule theClusterLeansOnNeitherHttpNorTheBatch = noClasses()
            .that()
            .resideInAPackage("kr.qfeedback.cluster..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kr.qfeedback.http..", "kr.qfeedback.batch..", "kr.qfeedback.console..");

    @ArchTest
    static final ArchRule theDomainImportsNoFramework = noClasses()
            .that()
            .resideInAPackage("kr.qfeedback.feedback..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx..", "com.hazelcast..", "org.drools..", "org.kie..");

    @ArchTest
    static final ArchRule theDecisionImportsNeitherHttpNorTheCluster = noClasses()
            .that()
            .resideInAPackage("kr.qfeedback.decision..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx..", "com.hazelcast..");

    @ArchTest
    static final ArchRule vertxInternalsAppearInOneAdapter = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("kr.qfeedback.wire.BufferBytes")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.vertx.core.internal..", "io.vertx.core.impl..");
}
