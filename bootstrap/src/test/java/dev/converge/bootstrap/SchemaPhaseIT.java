package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.MySqlDatasetLoadAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.dataset.DatasetOptions;
import dev.converge.application.dataset.ReferenceDataset;
import dev.converge.application.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.service.GenerateDatasetService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge schema} in its three modes, against real servers. */
class SchemaPhaseIT {

  @TempDir Path workDirectory;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void versionsTheSourceHasAndTheTargetLacksBreakTheContractUntilAccepted() {
    Databases databases = prepare("kratos");
    String[] provision = {"--flyway-location", dataset("kratos").postgresMigrationLocation(),
        "--expect-version", "2", "--compare-versions", "schema_migration.version"};
    assertEquals(6, schema(databases, provision), out + "\n" + err);
    // The dataset's two MySQL-only Kratos migrations (docs/datasets.md), and nothing else.
    assertTrue(out.toString().contains("lacks 2 version(s) the source has: 20210109120000000001, 20220817120000000001"),
        out.toString());
    assertTrue(out.toString().contains("The target has 3 migration version(s) the source lacks"), out.toString());
  }

  @Test
  void flywayProvisionsTheBaselineAndTheApplicationsMigrationHistoriesAreCompared() {
    Databases databases = prepare("kratos");
    int status = schema(databases, "--flyway-location", dataset("kratos").postgresMigrationLocation(),
        "--expect-version", "2", "--compare-versions", "schema_migration.version",
        "--accept-missing-version", "20210109120000000001", "--accept-missing-version", "20220817120000000001");

    assertEquals(0, status, out + "\n" + err);
    assertTrue(out.toString().contains("2 Flyway migration(s) applied, target at version 2"), out.toString());
    assertTrue(out.toString().contains("identity_credential_types: 7"), "seed rows are reported:\n" + out);
    assertTrue(out.toString().contains("Contract: holds"), out.toString());
  }

  @Test
  void aWrongExpectedVersionBreaksTheContract() {
    Databases databases = prepare("kratos");
    int status = schema(databases, "--flyway-location", dataset("kratos").postgresMigrationLocation(),
        "--expect-version", "3");

    assertEquals(6, status, out + "\n" + err);
    assertTrue(out.toString().contains("not the expected 3"), out.toString());
  }

  @Test
  void theOperatorsCommandProvisionsTheTargetThroughTheStandardEnvironment() throws IOException {
    Databases databases = prepare("alkemio");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
        + EnvironmentProvisioner.class.getName() + " dev/converge/datasets/alkemio/postgres/V1__baseline.sql";

    int status = schema(databases, "--provision-command", command);

    assertEquals(0, status, out + "\n" + err);
    assertTrue(out.toString().contains("Contract: holds"), out.toString());
    List<Path> logs;
    try (Stream<Path> files = Files.list(workDirectory.resolve("logs"))) {
      logs = files.toList();
    }
    assertEquals(1, logs.size());
    String log = Files.readString(logs.get(0), StandardCharsets.UTF_8);
    assertTrue(log.contains("provisioned " + databases.target.database() + " via postgres://postgres@127.0.0.1:"), log);
    assertTrue(log.contains("search_path=public"), log);
  }

  @Test
  void aFailingCommandBreaksTheContractWithItsStatus() {
    Databases databases = prepare("alkemio");
    int status = schema(databases, "--provision-command", "bash -c 'echo migration failed; exit 3'");

    assertEquals(6, status, out + "\n" + err);
    assertTrue(out.toString().contains("exited with status 3"), out.toString());
  }

  @Test
  void anUnprovisionedTargetIsOnlyCheckedAndEveryMissingTableIsNamed() {
    Databases databases = prepare("kratos");
    int status = schema(databases);

    assertEquals(6, status, out + "\n" + err);
    assertTrue(out.toString().contains("Schema: already provisioned; checking only"), out.toString());
    assertTrue(out.toString().contains("source table identities has no target table"), out.toString());
    assertTrue(!out.toString().contains("source table schema_migration"), "excluded by default:\n" + out);
  }

  private int schema(Databases databases, String... options) {
    List<String> args = new ArrayList<>(List.of("schema",
        "--source-host", databases.source.host(), "--source-port", String.valueOf(databases.source.port()),
        "--source-database", databases.source.database(), "--source-user", databases.source.user(),
        "--target-host", databases.target.host(), "--target-port", String.valueOf(databases.target.port()),
        "--target-database", databases.target.database(), "--target-user", databases.target.user(),
        "--work-dir", workDirectory.toString()));
    args.addAll(List.of(options));
    return Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static ReferenceDataset dataset(String name) {
    return ReferenceDatasets.byName(name).orElseThrow();
  }

  private static Databases prepare(String name) {
    ReferenceDataset dataset = dataset(name);
    RunningServer mySql = EmbeddedServers.mySql();
    DatabaseEndpoint source = mySql.endpoint(EmbeddedServers.freshDatabase(mySql, name));
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(source, 2)) {
      MySqlDatasetLoadAdapter loader = new MySqlDatasetLoadAdapter(pool);
      new GenerateDatasetService(loader, loader).generate(new GenerateDatasetCommand(dataset, DatasetOptions.clean(0.0001), 2));
    }
    RunningServer postgres = EmbeddedServers.postgres();
    return new Databases(source, postgres.endpoint(EmbeddedServers.freshDatabase(postgres, name)));
  }

  private record Databases(DatabaseEndpoint source, DatabaseEndpoint target) {}
}
