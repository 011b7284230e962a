package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.csv.CsvTableFileReader;
import dev.converge.adapter.csv.CsvTableFileWriter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code converge import} after plan, export and validate, on real servers. */
class ImportReferenceDatasetsIT {

  @TempDir Path workDirectory;

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void everyTableArrivesWithItsRowsAndSequencesArePastTheirColumns(String name) throws SQLException, IOException {
    Rehearsal run = Rehearsal.of(name, EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(0, run.converge("export"), run.output());
    // Out of order: refused by the run's state machine before it starts, as in the shell, and not journaled.
    String journal = Files.readString(workDirectory.resolve("run_journal.json"));
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("import"), "import before validate: " + run.output());
    assertTrue(run.err.toString().contains("import cannot run yet: the latest export has not passed validation;"
        + " run validate first"), run.output());
    assertEquals(journal, Files.readString(workDirectory.resolve("run_journal.json")), "the refusal is not journaled");
    assertEquals(0, run.converge("validate"), run.output());
    assertEquals(0, run.converge("import"), run.output());

    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    try (Connection target = connect(run); Statement statement = target.createStatement()) {
      for (TablePlan table : plan.tables()) {
        // The seed migration's rows (authorization_policy, platform, …) were replaced, not kept.
        assertEquals(manifest.table(table.sourceTable()).orElseThrow().rows(), count(statement, table.targetTable()),
            table.targetTable());
        for (var column : table.columns()) {
          if (column.target().sequence() != null) {
            try (ResultSet sequence = statement.executeQuery("SELECT (SELECT last_value FROM " + column.target().sequence()
                + ") >= COALESCE((SELECT MAX(\"" + column.target().name() + "\") FROM \"" + table.targetTable() + "\"), 0)")) {
              sequence.next();
              assertTrue(sequence.getBoolean(1), column.target().sequence() + " is past " + table.targetTable());
            }
          }
        }
      }
    }
  }

  @Test
  void aRowTheTargetRefusesStopsTheImportWithItsLocationAndARerunFinishes() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(0, run.converge("export"), run.output());
    assertEquals(0, run.converge("validate"), run.output());
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    // After validation, the third user's email becomes the first one's: only the target's unique key can tell.
    Path users = workDirectory.resolve(manifest.table("user").orElseThrow().files().get(0).name());
    Path original = Files.copy(users, workDirectory.resolve("user.original"));
    TablePlan userPlan = plan.table("user").orElseThrow();
    int email = userPlan.columns().stream().map(c -> c.target().name()).toList().indexOf("email");
    List<String[]> rows = new ArrayList<>();
    CsvTableFileReader.forEachRow(users, row -> rows.add(row.values()));
    rows.get(2)[email] = rows.get(0)[email];
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(users, userPlan.columns().stream().map(c -> c.target().name()).toList())) {
      rows.forEach(writer::write);
      writer.finish();
    }
    List<Long> lines = new ArrayList<>();
    CsvTableFileReader.forEachRow(users, row -> lines.add(row.line()));
    long lineOfThirdRow = lines.get(2);

    assertEquals(ExitStatus.of(ErrorCode.IMPORT), run.converge("import", "--parallel", "1"), run.output());
    String err = run.err.toString();
    assertTrue(err.contains("table user, file " + users.getFileName() + " line " + lineOfThirdRow), err);
    assertTrue(err.contains("SQLSTATE 23505") && err.contains("already exists"), err);

    Files.move(original, users, StandardCopyOption.REPLACE_EXISTING);
    assertEquals(0, run.converge("import"), run.output());
    List<String> before = plan.tables().stream().map(TablePlan::targetTable).takeWhile(t -> !t.equals("user")).toList();
    assertTrue(run.out.toString().contains("Already committed by an earlier run: " + String.join(", ", before)), run.output());
    try (Connection target = connect(run); Statement statement = target.createStatement()) {
      for (TableManifest table : manifest.tables()) {
        assertEquals(table.rows(), count(statement, table.targetTable()), table.targetTable());
      }
    }
  }

  private static Connection connect(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":" + run.target.port() + "/"
        + run.target.database(), run.target.user(), "");
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      count.next();
      return count.getLong(1);
    }
  }
}
