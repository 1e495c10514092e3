package dev.dialtone.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shape STYLE asks for, checked on the compiled main classes of both modules. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // Not DO_NOT_INCLUDE_JARS: in a full build dialtone-api's classes come as its jar.
          .importPackages("dev.dialtone");

  @Test
  void packages_importEachOtherInOneDirection_withoutCycles() {
    slices().matching("dev.dialtone.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theBasePackage_importsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.dialtone.http..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.dialtone..")
                .and(not(resideInAnyPackage("dev.dialtone.http..", "dev.dialtone.api.."))))
        .check(MAIN);
  }

  @Test
  void theServer_ownsNoCopyOfAWireType() {
    Set<String> wireTypes =
        MAIN.stream()
            .filter(type -> type.getPackageName().equals("dev.dialtone.api"))
            .filter(type -> type.getEnclosingClass().isEmpty())
            .map(JavaClass::getSimpleName)
            .filter(name -> !name.equals("package-info"))
            .collect(Collectors.toSet());
    List<String> copies =
        MAIN.stream()
            .filter(type -> !type.getPackageName().startsWith("dev.dialtone.api"))
            .filter(type -> wireTypes.contains(type.getSimpleName()))
            .map(JavaClass::getName)
            .toList();

    assertThat(wireTypes).as("the api module's types").contains("CallField", "ErrorCode");
    assertThat(copies).as("server types named like a type of dialtone-api").isEmpty();
  }
}
