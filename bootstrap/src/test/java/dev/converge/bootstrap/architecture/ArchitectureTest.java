package dev.converge.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every rule of {@link ArchitectureRules} against converge's production classes. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    // By package, so that sibling modules count whether they arrive as jars or as class folders.
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.converge");
  }

  static Stream<ArchRule> rules() throws IllegalAccessException {
    List<ArchRule> rules = new ArrayList<>();
    for (Field field : ArchitectureRules.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ArchRule.class) {
        rules.add((ArchRule) field.get(null));
      }
    }
    return rules.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void productionCodeKeepsTheRule(ArchRule rule) {
    rule.check(production);
  }

  @Test
  void everyModuleContributesClassesToTheCheck() {
    for (String rootPackage : ArchitectureRules.MODULE_OF_PACKAGE.keySet()) {
      assertTrue(production.stream().anyMatch(type -> type.getPackageName().startsWith(rootPackage)),
          "no production class found in " + rootPackage + ": the import would check nothing there");
    }
  }
}
