package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.csv.JsonPlanFileAdapter;
import dev.converge.adapter.mysql.MySqlDatasetLoadAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.dataset.DatasetOptions;
import dev.converge.application.dataset.DirtyKind;
import dev.converge.application.dataset.DirtyTrap;
import dev.converge.application.dataset.GeneratedTable;
import dev.converge.application.dataset.ReferenceDataset;
import dev.converge.application.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.service.GenerateDatasetService;
import dev.converge.domain.plan.Blocker;
import dev.converge.domain.plan.ExcludedTable;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.TablePlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code converge plan}, run as an operator runs it, against the reference datasets on real servers. */
class PlanReferenceDatasetsIT {

  private static final double SCALE = 0.001;

  @TempDir Path workDirectory;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void theCleanDataPlansWithZeroBlockersFromMySql(String name) throws Exception {
    assertCleanPlan(name, EmbeddedServers.mySql());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void theCleanDataPlansWithZeroBlockersFromMariaDb(String name) throws Exception {
    assertCleanPlan(name, EmbeddedServers.mariaDb());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void theDirtyDataGivesExactlyTheExpectedFindingsEachNamingTableColumnCountAndExample(String name) throws Exception {
    ReferenceDataset dataset = ReferenceDatasets.byName(name).orElseThrow();
    Databases databases = prepare(dataset, EmbeddedServers.mySql(), true);

    assertEquals(ExitStatus.of(dev.converge.domain.failure.ErrorCode.PLAN_BLOCKED), plan(databases), err.toString());
    MigrationPlan plan = savedPlan();

    Map<String, Long> expected = new TreeMap<>();
    for (DirtyTrap trap : dataset.dirtyTraps()) {
      expected.merge(trap.table() + "." + trap.column() + " " + kindOf(trap.kind()), trap.rows(), Long::sum);
    }
    Map<String, Long> found = new TreeMap<>();
    for (Finding finding : plan.findings()) {
      assertTrue(finding.completed(), "a check ran out of time: " + finding.describe());
      if (finding.rows() > 0) {
        String column = finding.check().column() != null ? finding.check().column()
            : finding.check().foreignKey().columns().get(0);
        found.merge(finding.check().table() + "." + column + " " + finding.check().kind(), finding.rows(), Long::sum);
        assertTrue(finding.example() != null && !finding.example().isBlank(), "no example: " + finding.describe());
      }
    }
    assertEquals(expected, found, "findings:\n" + plan.findings().stream().filter(f -> f.rows() > 0)
        .map(Finding::describe).collect(Collectors.joining("\n")));
    assertEquals(expected.size(), plan.blockers().size(), plan.blockers().toString());
    assertTrue(out.toString().contains("Blockers: " + expected.size()), out.toString());
    assertTrue(err.toString().contains("blocker"), err.toString());
  }

  @Test
  void aTargetWithADroppedColumnAndANarrowedVarcharShowsTheRightBlockers() throws Exception {
    ReferenceDataset dataset = ReferenceDatasets.byName("alkemio").orElseThrow();
    Databases databases = prepare(dataset, EmbeddedServers.mySql(), false);
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + databases.target.host() + ":"
        + databases.target.port() + "/" + databases.target.database(), databases.target.user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE \"user\" DROP COLUMN \"phone\"");
      statement.execute("ALTER TABLE \"user\" ALTER COLUMN \"email\" TYPE varchar(8)");
    }

    assertEquals(6, plan(databases), err.toString());
    List<Blocker> blockers = savedPlan().blockers();
    assertEquals(2, blockers.size(), blockers.toString());
    assertTrue(blockers.stream().anyMatch(b -> b.table().equals("user") && "phone".equals(b.column())
        && b.reason().contains("no target column")), blockers.toString());
    Blocker narrowed = blockers.stream().filter(b -> "email".equals(b.column())).findFirst().orElseThrow();
    long users = dataset.tables().stream().filter(t -> t.name().equals("user")).findFirst().orElseThrow()
        .rowCount(DatasetOptions.clean(SCALE));
    assertTrue(narrowed.reason().startsWith(users + " row(s) longer than"), narrowed.reason());
  }

  private void assertCleanPlan(String name, RunningServer source) throws Exception {
    ReferenceDataset dataset = ReferenceDatasets.byName(name).orElseThrow();
    Databases databases = prepare(dataset, source, false);

    assertEquals(0, plan(databases), out + "\n" + err);
    MigrationPlan plan = savedPlan();

    assertFalse(plan.hasBlockers(), plan.blockers().toString());
    Set<String> excluded = plan.excluded().stream().map(ExcludedTable::table).collect(Collectors.toSet());
    assertEquals(dataset.tablesNeverCopied(), excluded);
    Set<String> planned = plan.tables().stream().map(TablePlan::sourceTable).collect(Collectors.toSet());
    Set<String> expected = dataset.tables().stream().map(GeneratedTable::name)
        .filter(table -> !dataset.tablesNeverCopied().contains(table)).collect(Collectors.toSet());
    assertEquals(expected, planned);
    assertTrue(plan.findings().stream().allMatch(f -> f.completed() && f.rows() == 0),
        plan.findings().stream().filter(f -> f.rows() > 0).map(Finding::describe).toList().toString());
    String seeded = name.equals("alkemio") ? "authorization_policy" : "identity_credential_types";
    assertTrue(plan.table(seeded).orElseThrow().existingRows() > 0, "the seed migration's rows are reported");
    assertTrue(out.toString().contains("Blockers: none"), out.toString());
  }

  private int plan(Databases databases) {
    List<String> args = new ArrayList<>(List.of("plan",
        "--source-host", databases.source.host(), "--source-port", String.valueOf(databases.source.port()),
        "--source-database", databases.source.database(), "--source-user", databases.source.user(),
        "--target-host", databases.target.host(), "--target-port", String.valueOf(databases.target.port()),
        "--target-database", databases.target.database(), "--target-user", databases.target.user(),
        "--work-dir", workDirectory.toString()));
    return Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private MigrationPlan savedPlan() {
    assertTrue(Files.exists(workDirectory.resolve("migration_plan.json")));
    return new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
  }

  private static Databases prepare(ReferenceDataset dataset, RunningServer source, boolean dirty) throws SQLException {
    DatabaseEndpoint sourceEndpoint = source.endpoint(EmbeddedServers.freshDatabase(source, dataset.name()));
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(sourceEndpoint, 2)) {
      MySqlDatasetLoadAdapter loader = new MySqlDatasetLoadAdapter(pool);
      new GenerateDatasetService(loader, loader).generate(new GenerateDatasetCommand(dataset,
          new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED, dirty), 2));
    }
    RunningServer postgres = EmbeddedServers.postgres();
    DatabaseEndpoint targetEndpoint = postgres.endpoint(EmbeddedServers.freshDatabase(postgres, dataset.name()));
    try (PostgresTarget target = PostgresTarget.open(targetEndpoint, "public", 2)) {
      target.migrations().apply(dataset.postgresMigrationLocation());
    }
    return new Databases(sourceEndpoint, targetEndpoint);
  }

  private static PreflightCheck.Kind kindOf(DirtyKind kind) {
    return switch (kind) {
      case INVALID_UUID -> PreflightCheck.Kind.INVALID_UUID;
      case ZERO_DATE -> PreflightCheck.Kind.ZERO_DATE;
      case NUL_CHARACTER -> PreflightCheck.Kind.NUL_BYTE;
      case JSON_NUL_ESCAPE -> PreflightCheck.Kind.JSON_NUL_ESCAPE;
      case BOOLEAN_OUT_OF_RANGE -> PreflightCheck.Kind.NOT_BOOLEAN;
      case TOO_LONG_FOR_TARGET -> PreflightCheck.Kind.TOO_LONG;
      case ORPHAN_FOREIGN_KEY -> PreflightCheck.Kind.ORPHAN;
      case CASE_INSENSITIVE_DUPLICATE -> PreflightCheck.Kind.CASE_DUPLICATE;
    };
  }

  private record Databases(DatabaseEndpoint source, DatabaseEndpoint target) {}
}
