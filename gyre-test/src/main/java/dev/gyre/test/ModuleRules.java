package dev.gyre.test;

import java.util.Optional;
import java.util.function.Predicate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every module's test checks, with ArchUnit. A module's features are the packages directly
 * under its root ({@code dev.gyre.registry.model}, {@code dev.gyre.registry.audit}); each one's sub-packages,
 * its persistence and its package-private types are its own.
 *
 * <pre>
 * &#64;Test
 * void featuresStayApart() {
 *     ModuleRules.service("dev.gyre.registry").check();
 * }
 * </pre>
 */
public final class ModuleRules {
    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String REPOSITORY = "org.springframework.data.repository.Repository";
    private static final String BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    private final String root;
    private final ArchRule rules;

    private ModuleRules(String root, ArchRule rules) {
        this.root = root;
        this.rules = rules;
    }

    /**
     * A service: its features are free of cycles, none reaches into another's sub-packages or persistence, and a
     * type is public only if another package of the service uses it (everything else is package-private).
     */
    public static ModuleRules service(String root) {
        return new ModuleRules(root, CompositeArchRule.of(featuresAreFreeOfCycles(root))
                .and(subPackagesStayInTheirFeature(root))
                .and(persistenceStaysInItsFeature(root))
                .and(publicOnlyWhenUsedOutsideItsPackage(root)));
    }

    /**
     * A library such as gyre-core: free of cycles and no reach into another feature's sub-packages. Its public
     * types are its API for the services, so they need no user inside the library.
     */
    public static ModuleRules library(String root) {
        return new ModuleRules(root, CompositeArchRule.of(featuresAreFreeOfCycles(root))
                .and(subPackagesStayInTheirFeature(root)));
    }

    /** Checks the rules against the module's main classes (tests are left out); fails with every violation. */
    public void check() {
        rules.check(mainClasses(root));
    }

    /** The main (non-test) classes under {@code root}. */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** No cycle between the packages directly under {@code root} (each with its sub-packages). */
    public static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the features of " + root + " are free of cycles (two that need each other are one feature)");
    }

    /** Only a feature's own package is its API: its sub-packages are used from inside the feature only. */
    public static ArchRule subPackagesStayInTheirFeature(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(onlyUseOtherFeatures(root, "only the top-level package of another feature",
                        target -> target.getPackageName().equals(root + "." + feature(root, target).orElseThrow())))
                .allowEmptyShould(true)
                .as("no feature of " + root + " uses another feature's sub-packages");
    }

    /** No feature uses another feature's JPA entities or Spring Data repositories. */
    public static ArchRule persistenceStaysInItsFeature(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(onlyUseOtherFeatures(root, "no entity or repository of another feature",
                        target -> !target.isAnnotatedWith(ENTITY) && !target.isAssignableTo(REPOSITORY)))
                .allowEmptyShould(true)
                .as("no feature of " + root + " uses another's entities or repositories (it asks that feature's "
                        + "services)");
    }

    /** A public top-level type has a user in another package of the module; one without is package-private. */
    public static ArchRule publicOnlyWhenUsedOutsideItsPackage(String root) {
        return classes().that().resideInAPackage(root + "..").and().areTopLevelClasses()
                .and().arePublic().and().areNotAnnotatedWith(BOOT_APPLICATION)
                .and(DescribedPredicate.describe("not package-info", c -> !c.getSimpleName().equals("package-info")))
                .should(beUsedFromAnotherPackage())
                .allowEmptyShould(true)
                .as("every public type of " + root + " is used from another package (else it is package-private)");
    }

    private static ArchCondition<JavaClass> onlyUseOtherFeatures(String root, String what,
                                                                 Predicate<JavaClass> allowed) {
        return new ArchCondition<>("use " + what) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = feature(root, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> to = feature(root, target);
                    if (to.isPresent() && !to.equals(from) && !allowed.test(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but used only inside " + type.getPackageName()));
                }
            }
        };
    }

    /** The feature (package directly under root) a class belongs to; empty for the root package and outside it. */
    private static Optional<String> feature(String root, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
