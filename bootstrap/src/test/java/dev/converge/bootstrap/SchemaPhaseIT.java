package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge schema} in its three modes, against real servers. */
class SchemaPhaseIT {

  @TempDir Path workDirectory;

  @Test
  void kratosDialectSpecificVersionsAreNotAMismatchButAnOlderSourceIsNamedWithItsVersions() throws SQLException {
    Rehearsal run = prepare("kratos");
    String[] provision = {"--flyway-location", dataset("kratos").postgresMigrationLocation(), "--expect-version", "2"};
    assertEquals(0, run.converge("schema", provision), run.output());
    // The dataset's MySQL-only and Postgres-only versions (docs/datasets.md) are parts of shared releases.
    assertTrue(run.out.toString().contains("Migration history schema_migration.version: same release on both sides"
        + " (20230514120000); 5 dialect-specific version(s)"), run.output());

    // The source is at an older Kratos: its last two releases never ran there.
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM schema_migration WHERE version >= '20230330'");
    }
    assertEquals(6, run.converge("schema"), run.output());
    assertEquals(6, run.converge("plan"), run.output());
    String said = run.out.toString();
    assertTrue(said.contains("the target has 2 migration(s) the source has not run, newer than the last release both"
        + " share (20230213120000): 20230330120000, 20230514120000. Upgrade the source application first"), said);
    assertTrue(said.contains("Blockers: 1"), said);
  }

  @Test
  void flywayProvisionsTheBaselineAndTheApplicationsMigrationHistoriesAreCompared() {
    Rehearsal run = prepare("kratos");
    int status = run.converge("schema", "--flyway-location", dataset("kratos").postgresMigrationLocation(),
        "--expect-version", "2", "--compare-versions", "schema_migration.version",
        "--accept-missing-version", "20210109120000000001", "--accept-missing-version", "20220817120000000001");

    assertEquals(0, status, run.output());
    assertTrue(run.out.toString().contains("2 Flyway migration(s) applied, target at version 2"), run.out.toString());
    assertTrue(run.out.toString().contains("identity_credential_types: 7"), "seed rows are reported:\n" + run.output());
    assertTrue(run.out.toString().contains("Contract: holds"), run.out.toString());
  }

  @Test
  void aWrongExpectedVersionBreaksTheContract() {
    Rehearsal run = prepare("kratos");
    int status = run.converge("schema", "--flyway-location", dataset("kratos").postgresMigrationLocation(),
        "--expect-version", "3");

    assertEquals(6, status, run.output());
    assertTrue(run.out.toString().contains("not the expected 3"), run.out.toString());
  }

  @Test
  void theOperatorsCommandProvisionsTheTargetThroughTheStandardEnvironment() throws IOException {
    Rehearsal run = prepare("alkemio");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + EnvironmentProvisioner.class.getName() + " dev/converge/datasets/alkemio/postgres/V1__baseline.sql";

    int status = run.converge("schema", "--provision-command", command);

    assertEquals(0, status, run.output());
    assertTrue(run.out.toString().contains("Contract: holds"), run.out.toString());
    List<Path> logs;
    try (Stream<Path> files = Files.list(workDirectory.resolve("logs"))) {
      logs = files.toList();
    }
    assertEquals(1, logs.size());
    String log = Files.readString(logs.get(0), StandardCharsets.UTF_8);
    assertTrue(log.contains("provisioned " + run.target.database() + " via postgres://postgres@127.0.0.1:"), log);
    assertTrue(log.contains("search_path=public"), log);
  }

  @Test
  void aFailingCommandBreaksTheContractWithItsStatus() {
    Rehearsal run = prepare("alkemio");
    int status = run.converge("schema", "--provision-command", "bash -c 'echo migration failed; exit 3'");

    assertEquals(6, status, run.output());
    assertTrue(run.out.toString().contains("exited with status 3"), run.out.toString());
  }

  @Test
  void anUnprovisionedTargetIsOnlyCheckedAndEveryMissingTableIsNamed() {
    Rehearsal run = prepare("kratos");
    int status = run.converge("schema");

    assertEquals(6, status, run.output());
    assertTrue(run.out.toString().contains("Schema: already provisioned; checking only"), run.out.toString());
    assertTrue(run.out.toString().contains("source table identities has no target table"), run.out.toString());
    assertTrue(!run.out.toString().contains("source table schema_migration"), "excluded by default:\n" + run.output());
  }

  private static ReferenceDataset dataset(String name) {
    return ReferenceDatasets.byName(name).orElseThrow();
  }

  private Rehearsal prepare(String name) {
    return Rehearsal.of(name, EmbeddedServers.mySql(), DatasetOptions.clean(0.0001), false, workDirectory);
  }
}
