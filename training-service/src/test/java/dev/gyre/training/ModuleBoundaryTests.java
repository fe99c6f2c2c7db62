package dev.gyre.training;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.gyre.test.ModuleRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The service's packages follow the house rules of {@link ModuleRules#service} but one: the run store is shared on
 * purpose (job writes runs, experiment ranks them), so instead of "no other feature's entity or repository" a
 * feature uses another only through the types that one publishes ({@link #PUBLISHED}).
 */
class ModuleBoundaryTests {
    private static final String BASE = "dev.gyre.training";

    /** Per feature, the simple names of the types other features may use; a feature not listed publishes none. */
    private static final Map<String, Set<String>> PUBLISHED = Map.of(
            // the run store: job writes runs, experiment ranks them
            "run", Set.of("Run", "RunRepository", "Runs"),
            // job creates a job's experiment and tells experiment how many jobs name it
            "experiment", Set.of("ExperimentRepository", "JobCounts"));

    private static final JavaClasses MAIN = ModuleRules.mainClasses(BASE);

    // the house rules of every service, except that run publishes its entity and repository (below)
    @Test
    void followsTheHouseRules() {
        CompositeArchRule.of(ModuleRules.featuresAreFreeOfCycles(BASE))
                .and(ModuleRules.subPackagesStayInTheirFeature(BASE))
                .and(ModuleRules.publicOnlyWhenUsedOutsideItsPackage(BASE))
                .check(MAIN);
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughWhatThatOnePublishes() {
        onlyPublishedTypesOfOtherFeatures().check(MAIN);
    }

    // the pipeline composes; reading the dataset and registering the model are the classes made for them
    @Test
    void onlyTheDatasetClassesAndTheRegistrarCallPeers() {
        noClasses().that().resideInAPackage(BASE + "..")
                .and().doNotHaveFullyQualifiedName(BASE + ".job.DatasetSource")
                .and().doNotHaveFullyQualifiedName(BASE + ".job.DatasetCheck")
                .and().doNotHaveFullyQualifiedName(BASE + ".job.Registrar")
                .and().doNotHaveFullyQualifiedName(BASE + ".TrainingServiceApplication")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.gyre.api.data.DataApi")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.gyre.api.registry.RegistryApi")
                .check(MAIN);
    }

    // the rules above must see the features, or they would pass on nothing
    @Test
    void seesEveryFeature() {
        assertThat(MAIN.stream().map(ModuleBoundaryTests::feature).filter(Objects::nonNull).collect(Collectors.toSet()))
                .contains("catalog", "experiment", "job", "run");
    }

    private static ArchRule onlyPublishedTypesOfOtherFeatures() {
        return classes().that().resideInAPackage(BASE + ".*..")
                .should(new ArchCondition<>("use another feature only through the types it publishes") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = feature(origin);
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String to = feature(target);
                            if (to != null && !to.equals(from) && !published(to, target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + ", which " + to + " does not publish"));
                            }
                        });
                    }
                });
    }

    private static boolean published(String feature, JavaClass type) {
        // a nested type belongs to its top-level class: Run's builder is as public as Run
        JavaClass top = type;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return PUBLISHED.getOrDefault(feature, Set.of()).contains(top.getSimpleName());
    }

    /** {@code job} for {@code dev.gyre.training.job.X} and its sub-packages; null outside the features. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return null;
        }
        String rest = name.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

}
