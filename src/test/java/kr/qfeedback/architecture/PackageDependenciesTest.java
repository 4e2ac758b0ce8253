package kr.qfeedback.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package dependencies of the compiled main classes: no package cycle, and the lower layers
 * (the domain, the rules adapter, the decision) reach nothing above them.
 */
@AnalyzeClasses(packages = "kr.qfeedback", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("kr.qfeedback.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherPartOfTheService = noClasses().that().resideInAPackage("kr.qfeedback.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("kr.qfeedback.rules..", "kr.qfeedback.decision..",
                    "kr.qfeedback.reference..", "kr.qfeedback.http..", "kr.qfeedback.batch..", "kr.qfeedback.cluster..",
                    "kr.qfeedback.lifecycle..", "kr.qfeedback.analysis..", "kr.qfeedback.impact..", "kr.qfeedback.cohort..",
                    "kr.qfeedback.console..", "kr.qfeedback.acceptance..", "kr.qfeedback.cli..");

    @ArchTest
    static final ArchRule theDomainImportsNoFramework = noClasses().that().resideInAPackage("kr.qfeedback.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..", "org.drools..", "org.kie..");

    @ArchTest
    static final ArchRule theRulesAdapterReachesOnlyTheDomainAndTheReferenceData = noClasses().that().resideInAPackage("kr.qfeedback.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("kr.qfeedback.decision..", "kr.qfeedback.http..",
                    "kr.qfeedback.batch..", "kr.qfeedback.cluster..", "kr.qfeedback.lifecycle..", "kr.qfeedback.analysis..",
                    "kr.qfeedback.impact..", "kr.qfeedback.cohort..", "kr.qfeedback.console..", "kr.qfeedback.acceptance..");

    @ArchTest
    static final ArchRule theDecisionReachesNothingAboveIt = noClasses().that().resideInAPackage("kr.qfeedback.decision..")
            .should().dependOnClassesThat().resideInAnyPackage("kr.qfeedback.http..", "kr.qfeedback.batch..",
                    "kr.qfeedback.cluster..", "kr.qfeedback.lifecycle..", "kr.qfeedback.analysis..", "kr.qfeedback.impact..",
                    "kr.qfeedback.cohort..", "kr.qfeedback.console..", "kr.qfeedback.acceptance..", "io.vertx..", "com.hazelcast..");
}
