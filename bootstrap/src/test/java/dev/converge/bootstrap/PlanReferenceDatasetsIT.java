package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.csv.JsonPlanFileAdapter;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.dataset.DatasetOptions;
import dev.converge.application.dataset.DirtyKind;
import dev.converge.application.dataset.DirtyTrap;
import dev.converge.application.dataset.GeneratedTable;
import dev.converge.application.dataset.ReferenceDataset;
import dev.converge.application.dataset.ReferenceDatasets;
import dev.converge.domain.plan.Blocker;
import dev.converge.domain.plan.ExcludedTable;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.TablePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
  private Rehearsal run;

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
    run = Rehearsal.of(name, EmbeddedServers.mySql(), new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED, true), true,
        workDirectory);

    assertEquals(ExitStatus.of(dev.converge.domain.failure.ErrorCode.PLAN_BLOCKED), run.converge("plan"), run.output());
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
    assertTrue(run.out.toString().contains("Blockers: " + expected.size()), run.output());
    assertTrue(run.err.toString().contains("blocker"), run.output());
  }

  @Test
  void aTargetWithADroppedColumnAndANarrowedVarcharShowsTheRightBlockers() throws Exception {
    ReferenceDataset dataset = ReferenceDatasets.byName("alkemio").orElseThrow();
    run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE \"user\" DROP COLUMN \"phone\"");
      statement.execute("ALTER TABLE \"user\" ALTER COLUMN \"email\" TYPE varchar(8)");
    }

    assertEquals(6, run.converge("plan"), run.output());
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
    run = Rehearsal.of(name, source, DatasetOptions.clean(SCALE), true, workDirectory);

    assertEquals(0, run.converge("plan"), run.output());
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
    assertTrue(run.out.toString().contains("Blockers: none"), run.output());
  }

  private MigrationPlan savedPlan() {
    assertTrue(Files.exists(workDirectory.resolve("migration_plan.json")));
    return new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
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
}
