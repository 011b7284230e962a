package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.application.connection.RunningServer;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.DirtyTrap;
import dev.converge.dataset.GeneratedTable;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.domain.plan.Blocker;
import dev.converge.domain.plan.ExcludedTable;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
  void everyPlantedDirtyRowIsListedByKeyInDirtyRowsCsvFromMySql(String name) throws Exception {
    assertDirtyRowsListed(name, EmbeddedServers.mySql());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void everyPlantedDirtyRowIsListedByKeyInDirtyRowsCsvFromMariaDb(String name) throws Exception {
    assertDirtyRowsListed(name, EmbeddedServers.mariaDb());
  }

  /**
   * The generator's own list of traps (table, column, rows) against dirty_rows.csv, counted
   * independently: every planted row is there by key, nothing else is, and nothing is exported.
   */
  private void assertDirtyRowsListed(String name, RunningServer source) throws Exception {
    ReferenceDataset dataset = ReferenceDatasets.byName(name).orElseThrow();
    run = Rehearsal.of(name, source, new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED, true), true, workDirectory);

    assertEquals(ExitStatus.of(dev.converge.domain.failure.ErrorCode.PLAN_BLOCKED), run.converge("plan"), run.output());
    MigrationPlan plan = savedPlan();

    Map<String, Long> expected = new TreeMap<>();
    for (DirtyTrap trap : dataset.dirtyTraps()) {
      expected.merge(trap.table() + "." + trap.column(), trap.rows(), Long::sum);
    }
    Path csv = workDirectory.resolve("dirty_rows.csv");
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(csv));
    Map<String, Long> listed = new TreeMap<>();
    Set<String> keys = new HashSet<>();
    try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      for (CSVRecord row : parser) {
        listed.merge(row.get("table") + "." + row.get("column"), 1L, Long::sum);
        assertFalse(row.get("key").isBlank(), row.toString());
        assertFalse(row.get("rule").isBlank(), row.toString());
        assertTrue(keys.add(row.get("table") + " " + row.get("key") + " " + row.get("column") + " " + row.get("rule")),
            "listed twice: " + row);
      }
    }
    assertEquals(expected, listed, "dirty_rows.csv against the generator's traps");
    assertEquals(listed.values().stream().mapToLong(Long::longValue).sum(),
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(workDirectory.resolve("dirty_rows.json").toFile()).size());
    assertTrue(plan.blockers().size() >= expected.size(), plan.blockers().toString());
    for (String column : expected.keySet()) {
      String table = column.substring(0, column.indexOf('.'));
      String columnName = column.substring(column.indexOf('.') + 1);
      assertTrue(plan.blockers().stream().anyMatch(b -> b.table().equals(table) && columnName.equals(b.column())
          && b.reason().contains("dirty_rows.csv")), "no blocker by key for " + column + ": " + plan.blockers());
    }
    assertTrue(run.out.toString().contains("every one by key in"), run.output());

    // Nothing reaches the target without a decision: export refuses to start after a blocked plan.
    assertEquals(ExitStatus.of(dev.converge.domain.failure.ErrorCode.CONFIGURATION), run.converge("export"),
        run.output());
    assertTrue(run.err.toString().contains("export cannot run yet: there is no successful plan yet; run plan first"),
        run.output());
    assertTrue(new dev.converge.adapter.json.JsonManifestFileAdapter(workDirectory).latest().isEmpty(),
        "nothing was exported");
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
    assertTrue(narrowed.reason().startsWith(users + " row(s): longer than"), narrowed.reason());
    assertTrue(narrowed.reason().contains("fix: --column-policy user.email:overlong=truncate"), narrowed.reason());
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
    assertTrue(run.out.toString().contains(", 0 dirty row(s)"), run.output());
    String seeded = name.equals("alkemio") ? "authorization_policy" : "identity_credential_types";
    assertTrue(plan.table(seeded).orElseThrow().existingRows() > 0, "the seed migration's rows are reported");
    assertTrue(run.out.toString().contains("Blockers: none"), run.output());
  }

  private MigrationPlan savedPlan() {
    assertTrue(Files.exists(workDirectory.resolve("migration_plan.json")));
    return new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
  }
}
