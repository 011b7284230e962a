package dev.converge.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;

/** The hexagon's rules, as constants so that a test can prove each one fails on a bad class. */
final class ArchitectureRules {

  static final String DOMAIN = "dev.converge.domain..";
  static final String APPLICATION = "dev.converge.application..";
  static final String ADAPTERS = "dev.converge.adapter..";
  static final String MYSQL_ADAPTER = "dev.converge.adapter.mysql..";
  static final String POSTGRES_ADAPTER = "dev.converge.adapter.postgres..";
  static final String CSV_ADAPTER = "dev.converge.adapter.csv..";
  static final String JSON_ADAPTER = "dev.converge.adapter.json..";
  static final String YAML_ADAPTER = "dev.converge.adapter.yaml..";
  static final String EMBEDDED_ADAPTER = "dev.converge.adapter.embedded..";
  static final String SHELL_ADAPTER = "dev.converge.adapter.shell..";
  static final String BOOTSTRAP = "dev.converge.bootstrap..";
  static final String DATASETS = "dev.converge.dataset..";

  /** Which Maven module owns which root package; a class elsewhere is a split package. */
  static final Map<String, String> MODULE_OF_PACKAGE = Map.ofEntries(
      Map.entry("dev.converge.domain", "domain"),
      Map.entry("dev.converge.dataset", "datasets"),
      Map.entry("dev.converge.application", "application"),
      Map.entry("dev.converge.adapter.mysql", "adapters-mysql"),
      Map.entry("dev.converge.adapter.postgres", "adapters-postgres"),
      Map.entry("dev.converge.adapter.workdir", "adapters-workdir"),
      Map.entry("dev.converge.adapter.csv", "adapters-csv"),
      Map.entry("dev.converge.adapter.json", "adapters-json"),
      Map.entry("dev.converge.adapter.yaml", "adapters-yaml"),
      Map.entry("dev.converge.adapter.markdown", "adapters-markdown"),
      Map.entry("dev.converge.adapter.embedded", "adapters-embedded"),
      Map.entry("dev.converge.adapter.shell", "adapters-shell"),
      Map.entry("dev.converge.bootstrap", "bootstrap"));

  /**
   * What the file adapters share: how a file or directory is created in the work directory
   * (adapters-workdir's {@code WorkFiles}, 0600/0700). Nothing else of one adapter is another's to use.
   */
  static final String WORK_FILES = "dev.converge.adapter.workdir.WorkFiles";

  static final ArchRule DOMAIN_USES_ONLY_THE_JDK_CORE = classes()
      .that().resideInAPackage(DOMAIN)
      .should().onlyDependOnClassesThat(
          resideInAnyPackage(DOMAIN, "java.lang..", "java.util..", "java.time..", "java.math..",
                  "java.text..", "java.nio.charset..", "java.security..")
              .and(not(resideInAnyPackage("java.util.logging..", "java.util.zip..", "java.util.jar..",
                  "java.lang.reflect.."))))
      .as("the domain depends on nothing but itself and the JDK core (no I/O, JDBC, logging or libraries)");

  static final ArchRule DATASETS_USE_ONLY_THE_JDK = classes()
      .that().resideInAPackage(DATASETS)
      .should().onlyDependOnClassesThat(resideInAnyPackage(DATASETS, "java.."))
      .as("the reference datasets depend on nothing but themselves and the JDK (the application streams them)");

  static final ArchRule APPLICATION_KNOWS_NO_ADAPTER = noClasses()
      .that().resideInAPackage(APPLICATION)
      .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP)
      .as("the application depends on no adapter and not on bootstrap");

  static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER = slices()
      .matching("dev.converge.adapter.(*)..")
      .should().notDependOnEachOther()
      .ignoreDependency(DescribedPredicate.alwaysTrue(), DescribedPredicate.<JavaClass>describe(
          "the work directory's file creation", type -> type.getName().equals(WORK_FILES)))
      .as("no adapter depends on another adapter (but the file adapters on how work-directory files are created)");

  static final ArchRule JDBC_ONLY_IN_DATABASE_ADAPTERS =
      confined(new String[] {"java.sql..", "javax.sql..", "com.zaxxer.hikari.."}, MYSQL_ADAPTER, POSTGRES_ADAPTER,
          EMBEDDED_ADAPTER)
          .as("JDBC and HikariCP are used only by the database adapters (and the embedded servers, to set themselves up)");

  static final ArchRule MYSQL_DRIVER_ONLY_IN_MYSQL_ADAPTER =
      confined(new String[] {"com.mysql..", "org.mariadb.."}, MYSQL_ADAPTER)
          .as("the MySQL driver is used only by adapters-mysql");

  static final ArchRule PGJDBC_AND_FLYWAY_ONLY_IN_POSTGRES_ADAPTER =
      confined(new String[] {"org.postgresql..", "org.flywaydb.."}, POSTGRES_ADAPTER)
          .as("pgjdbc and Flyway are used only by adapters-postgres");

  static final ArchRule COMMONS_CSV_ONLY_IN_CSV_ADAPTER =
      confined(new String[] {"org.apache.commons.csv.."}, CSV_ADAPTER)
          .as("Commons CSV is used only by adapters-csv");

  static final ArchRule JACKSON_ONLY_IN_DOCUMENT_ADAPTERS =
      confined(new String[] {"com.fasterxml.jackson.."}, JSON_ADAPTER, YAML_ADAPTER)
          .as("Jackson is used only by adapters-json and adapters-yaml");

  static final ArchRule YAML_ONLY_IN_YAML_ADAPTER =
      confined(new String[] {"com.fasterxml.jackson.dataformat.yaml..", "org.yaml.."}, YAML_ADAPTER)
          .as("Jackson's YAML format and SnakeYAML are used only by adapters-yaml");

  static final ArchRule JLINE_AND_PICOCLI_ONLY_IN_SHELL_AND_BOOTSTRAP =
      confined(new String[] {"org.jline..", "picocli.."}, SHELL_ADAPTER, BOOTSTRAP)
          .as("JLine and picocli are used only by adapters-shell and bootstrap");

  static final ArchRule DAGGER_ONLY_IN_BOOTSTRAP =
      confined(new String[] {"dagger..", "javax.inject..", "jakarta.inject.."}, BOOTSTRAP)
          .as("Dagger and DI annotations appear only in bootstrap");

  static final ArchRule ADAPTERS_USE_NO_SERVICE = noClasses()
      .that().resideInAPackage(ADAPTERS)
      .should().dependOnClassesThat().resideInAPackage("dev.converge.application.service..")
      .as("adapters reach the application through its ports (port.in, port.out), never its services");

  /**
   * TLS key material is the one exception: both database adapters need a PEM key turned into the
   * keystore or DER file their driver reads, and adapters may not share code but through the
   * application ({@code application.connection.TlsKeyFiles}, which reads only the files an operator named).
   */
  static final ArchRule APPLICATION_DOES_NO_FILE_IO = noClasses()
      .that().resideInAPackage(APPLICATION)
      .and().doNotHaveFullyQualifiedName("dev.converge.application.connection.TlsKeyFiles")
      .and().doNotHaveFullyQualifiedName("dev.converge.application.connection.TlsKeyFiles$KeyStoreFile")
      .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
      .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..")
      .orShould().dependOnClassesThat(DescribedPredicate.describe("java.io's file classes",
          type -> type.getPackageName().equals("java.io") && type.getSimpleName().matches(
              "File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile")))
      .as("the application does no file I/O: files are read and written through out-ports");

  static final ArchRule DOMAIN_TOUCHES_NO_PROCESS_OR_ENVIRONMENT = noClasses()
      .that().resideInAPackage(DOMAIN)
      .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Process")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessHandle")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Runtime")
      .orShould(callSystem("getenv", "getProperty", "getProperties", "setProperty", "clearProperty", "setProperties",
          "exit", "console", "load", "loadLibrary", "setIn", "setOut", "setErr"))
      .as("the domain starts no process and reads no environment, system property or console");

  static final ArchRule INCOMING_PORTS_ARE_USE_CASES = classes()
      .that().resideInAPackage("dev.converge.application.port.in..").and().areInterfaces().and().areTopLevelClasses()
      .should().haveSimpleNameEndingWith("UseCase")
      .allowEmptyShould(true)
      .as("incoming ports are interfaces named <Verb><Noun>UseCase");

  static final ArchRule OUTGOING_PORTS_ARE_PORTS = classes()
      .that().resideInAPackage("dev.converge.application.port.out..").and().areInterfaces().and().areTopLevelClasses()
      .should().haveSimpleNameEndingWith("Port")
      .allowEmptyShould(true)
      .as("outgoing ports are interfaces named <Verb><Noun>Port (their nested handle types excepted)");

  static final ArchRule USE_CASES_ARE_IMPLEMENTED_BY_SERVICES = classes()
      .that().areNotInterfaces().and().implement(interfaceNamed("UseCase"))
      .should().haveSimpleNameEndingWith("Service").andShould().resideInAPackage("dev.converge.application.service..")
      .allowEmptyShould(true)
      .as("use cases are implemented by <Stem>Service classes in application.service");

  static final ArchRule PORTS_ARE_IMPLEMENTED_BY_ADAPTERS = classes()
      .that().areNotInterfaces().and().implement(interfaceNamed("Port"))
      .should().haveSimpleNameEndingWith("Adapter").andShould().resideInAPackage(ADAPTERS)
      .allowEmptyShould(true)
      .as("out-ports are implemented by <Technology><Role>Adapter classes in an adapter module");

  static final ArchRule NO_VAGUE_NAMES = noClasses()
      .should().haveSimpleNameEndingWith("Util")
      .orShould().haveSimpleNameEndingWith("Utils")
      .orShould().haveSimpleNameEndingWith("Helper")
      .orShould().haveSimpleNameEndingWith("Manager")
      .as("no class is named *Util, *Utils, *Helper or *Manager");

  static final ArchRule NO_PACKAGE_CYCLES = slices()
      .matching("dev.converge.(**)")
      .should().beFreeOfCycles()
      .as("packages form no cycle");

  static final ArchRule MODULES_OWN_THEIR_PACKAGES = classes()
      .that().resideInAPackage("dev.converge..")
      .should(comeFromTheModuleOwningTheirPackage())
      .as("each root package is compiled in its own Maven module (no split packages)");

  private ArchitectureRules() {}

  private static ArchRule confined(String[] libraries, String... allowedIn) {
    return noClasses()
        .that().resideOutsideOfPackages(allowedIn)
        .should().dependOnClassesThat().resideInAnyPackage(libraries);
  }

  /** Calls of {@code java.lang.System}'s methods of these names (its clock and arraycopy stay allowed). */
  private static ArchCondition<JavaClass> callSystem(String... names) {
    java.util.Set<String> forbidden = java.util.Set.of(names);
    return new ArchCondition<>("call System." + String.join("/", new java.util.TreeSet<>(forbidden))) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        type.getMethodCallsFromSelf().stream()
            .filter(call -> call.getTargetOwner().getName().equals("java.lang.System")
                && forbidden.contains(call.getName()))
            .forEach(call -> events.add(SimpleConditionEvent.satisfied(call, call.getDescription())));
      }
    };
  }

  private static DescribedPredicate<JavaClass> interfaceNamed(String suffix) {
    return DescribedPredicate.describe("an interface named *" + suffix,
        type -> type.isInterface() && type.getSimpleName().endsWith(suffix));
  }

  private static ArchCondition<JavaClass> comeFromTheModuleOwningTheirPackage() {
    return new ArchCondition<>("come from the Maven module that owns their package") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        // The class folder or jar the class came from, without its own package path.
        String classFile = type.getName().replace('.', '/') + ".class";
        String uri = type.getSource().map(source -> source.getUri().toString()).orElse("");
        String location = uri.endsWith(classFile) ? uri.substring(0, uri.length() - classFile.length()) : uri;
        MODULE_OF_PACKAGE.entrySet().stream()
            .filter(owner -> type.getPackageName().equals(owner.getKey())
                || type.getPackageName().startsWith(owner.getKey() + "."))
            .findFirst()
            .ifPresentOrElse(
                owner -> {
                  boolean fromOwner = location.contains("/" + owner.getValue() + "/")
                      || location.contains("converge-" + owner.getValue() + "-");
                  if (!fromOwner) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " belongs to module "
                        + owner.getValue() + " but is compiled from " + location));
                  }
                },
                () -> events.add(SimpleConditionEvent.violated(type,
                    type.getName() + " is outside every module's root package")));
      }
    };
  }
}
