package org.paperclub.system;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.repository.GenericRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages' boundaries, read from the compiled classes: no cycle between features, and no feature
 * touching another feature's tables (its repositories) — a feature reaches another through its service or ledger.
 */
class ArchitectureTest {

    static final String ROOT = "org.paperclub";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(main);
    }

    @Test
    void noFeatureUsesAnotherFeaturesRepository() {
        noAccessToRepositoriesOutsideTheirPackage().check(main);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes().that().areAssignableTo(GenericRepository.class).and().areInterfaces()
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("another feature must not be able to reach a feature's tables")
                .check(main);
    }

    static ArchRule noAccessToRepositoriesOutsideTheirPackage() {
        return classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<>("use only repositories of their own feature") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getDirectDependenciesFromSelf().stream()
                                .filter(d -> isRepository.test(d.getTargetClass()))
                                .filter(d -> !feature(d.getTargetClass()).equals(feature(item)))
                                .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                    }
                });
    }

    private static final DescribedPredicate<JavaClass> isRepository = DescribedPredicate.describe("a repository",
            c -> c.isAssignableTo(GenericRepository.class) && c.getPackageName().startsWith(ROOT + "."));

    /** The feature a class belongs to: the first package below {@code org.paperclub}. */
    static String feature(JavaClass c) {
        String rest = c.getPackageName().length() > ROOT.length() ? c.getPackageName().substring(ROOT.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
