package dev.converge.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.converge.adapter.csv.archfixture.CsvAdapterCallingAService;
import dev.converge.adapter.csv.archfixture.CsvAdapterUsingPostgresAdapter;
import dev.converge.adapter.csv.archfixture.CsvAdapterWithInjection;
import dev.converge.adapter.csv.archfixture.CsvUtil;
import dev.converge.adapter.json.archfixture.JsonAdapterReadingYaml;
import dev.converge.adapter.json.archfixture.JsonAdapterTakingTheLock;
import dev.converge.adapter.json.archfixture.JsonAdapterUsingCommonsCsv;
import dev.converge.adapter.mysql.archfixture.MySqlAdapterUsingFlyway;
import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;
import dev.converge.adapter.postgres.archfixture.PostgresAdapterUsingJackson;
import dev.converge.adapter.postgres.archfixture.PostgresAdapterUsingMySqlDriver;
import dev.converge.adapter.postgres.archfixture.PostgresStarter;
import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import dev.converge.application.archfixture.ApplicationCallingAnAdapter;
import dev.converge.application.archfixture.ApplicationReadingFiles;
import dev.converge.application.archfixture.ApplicationUsingJLine;
import dev.converge.application.archfixture.ApplicationUsingJdbc;
import dev.converge.application.port.in.archfixture.ExportTables;
import dev.converge.application.port.in.archfixture.ExportTablesUseCase;
import dev.converge.application.port.out.StartTargetServerPort;
import dev.converge.application.port.out.archfixture.SourceReader;
import dev.converge.application.service.archfixture.ExportRunner;
import dev.converge.archfixture.cycle.a.First;
import dev.converge.archfixture.cycle.b.Second;
import dev.converge.dataset.archfixture.DatasetUsingTheDomain;
import dev.converge.domain.archfixture.DomainReadingFiles;
import dev.converge.domain.archfixture.DomainReadingTheEnvironment;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every architecture rule can fail: each is run against a deliberately bad class
 * (test fixtures, never part of the production import) and must report it.
 */
class ArchitectureRulesCanFailTest {

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of(ArchitectureRules.DOMAIN_USES_ONLY_THE_JDK_CORE, new Class<?>[] {DomainReadingFiles.class}),
        Arguments.of(ArchitectureRules.DATASETS_USE_ONLY_THE_JDK, new Class<?>[] {DatasetUsingTheDomain.class}),
        Arguments.of(ArchitectureRules.APPLICATION_KNOWS_NO_ADAPTER,
            new Class<?>[] {ApplicationCallingAnAdapter.class, EmbeddedPostgresServerAdapter.class}),
        Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER,
            new Class<?>[] {CsvAdapterUsingPostgresAdapter.class, EmbeddedPostgresServerAdapter.class}),
        Arguments.of(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER,
            new Class<?>[] {JsonAdapterTakingTheLock.class, FileWorkDirectoryLockAdapter.Held.class}),
        Arguments.of(ArchitectureRules.JDBC_ONLY_IN_DATABASE_ADAPTERS, new Class<?>[] {ApplicationUsingJdbc.class}),
        Arguments.of(ArchitectureRules.MYSQL_DRIVER_ONLY_IN_MYSQL_ADAPTER,
            new Class<?>[] {PostgresAdapterUsingMySqlDriver.class}),
        Arguments.of(ArchitectureRules.PGJDBC_AND_FLYWAY_ONLY_IN_POSTGRES_ADAPTER,
            new Class<?>[] {MySqlAdapterUsingFlyway.class}),
        Arguments.of(ArchitectureRules.COMMONS_CSV_ONLY_IN_CSV_ADAPTER,
            new Class<?>[] {JsonAdapterUsingCommonsCsv.class}),
        Arguments.of(ArchitectureRules.JACKSON_ONLY_IN_DOCUMENT_ADAPTERS,
            new Class<?>[] {PostgresAdapterUsingJackson.class}),
        Arguments.of(ArchitectureRules.YAML_ONLY_IN_YAML_ADAPTER, new Class<?>[] {JsonAdapterReadingYaml.class}),
        Arguments.of(ArchitectureRules.JLINE_AND_PICOCLI_ONLY_IN_SHELL_AND_BOOTSTRAP,
            new Class<?>[] {ApplicationUsingJLine.class}),
        Arguments.of(ArchitectureRules.DAGGER_ONLY_IN_BOOTSTRAP, new Class<?>[] {CsvAdapterWithInjection.class}),
        Arguments.of(ArchitectureRules.ADAPTERS_USE_NO_SERVICE, new Class<?>[] {CsvAdapterCallingAService.class}),
        Arguments.of(ArchitectureRules.APPLICATION_DOES_NO_FILE_IO, new Class<?>[] {ApplicationReadingFiles.class}),
        Arguments.of(ArchitectureRules.DOMAIN_TOUCHES_NO_PROCESS_OR_ENVIRONMENT,
            new Class<?>[] {DomainReadingTheEnvironment.class}),
        Arguments.of(ArchitectureRules.INCOMING_PORTS_ARE_USE_CASES, new Class<?>[] {ExportTables.class}),
        Arguments.of(ArchitectureRules.OUTGOING_PORTS_ARE_PORTS, new Class<?>[] {SourceReader.class}),
        Arguments.of(ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_SERVICES,
            new Class<?>[] {ExportRunner.class, ExportTablesUseCase.class}),
        Arguments.of(ArchitectureRules.PORTS_ARE_IMPLEMENTED_BY_ADAPTERS,
            new Class<?>[] {PostgresStarter.class, StartTargetServerPort.class}),
        Arguments.of(ArchitectureRules.NO_VAGUE_NAMES, new Class<?>[] {CsvUtil.class}),
        Arguments.of(ArchitectureRules.NO_PACKAGE_CYCLES, new Class<?>[] {First.class, Second.class}),
        Arguments.of(ArchitectureRules.MODULES_OWN_THEIR_PACKAGES, new Class<?>[] {DomainReadingFiles.class}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void theRuleReportsADeliberatelyBadClass(ArchRule rule, Class<?>[] badClasses) {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> rule.check(new ClassFileImporter().importClasses(badClasses)));
    assertTrue(failure.getMessage().contains(badClasses[0].getSimpleName()),
        "the rule failed, but not because of " + badClasses[0].getSimpleName() + ":\n" + failure.getMessage());
  }

  @org.junit.jupiter.api.Test
  void everyRuleHasAProofThatItCanFail() throws IllegalAccessException {
    long rules = ArchitectureTest.rules().count();
    // A rule with an exception has a second proof: the exception is no wider than it says.
    long proved = violations().map(proof -> proof.get()[0]).distinct().count();
    assertTrue(proved == rules, "rules: " + rules + ", rules with a proof: " + proved);
  }
}
