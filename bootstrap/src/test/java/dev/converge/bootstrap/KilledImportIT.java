package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.adapter.json.JsonImportJournalAdapter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.plan.ForeignKeyStrategy;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code converge import} killed with SIGKILL in the middle, in a process of its own: the re-run
 * skips what was committed, finishes, and leaves exactly what an uninterrupted import leaves. Under
 * DROP_AND_RECREATE the kill also falls between dropping and re-creating the foreign keys.
 */
class KilledImportIT {

  /** Big enough that with one table at a time the import lasts seconds, so the kill lands inside it. */
  private static final double SCALE = 0.05;
  private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path workDirectory;

  /** Who the target login is, and so which foreign-key strategy the plan chooses. */
  enum Login { SUPERUSER, OWNER }

  @ParameterizedTest
  @EnumSource(Login.class)
  void aRerunAfterAKillSkipsTheCommittedTablesAndEndsAsAnUninterruptedImport(Login login) throws Exception {
    Rehearsal run = login == Login.OWNER
        ? Rehearsal.withOwnerLogin("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), workDirectory)
        : Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    Map<String, String> provisionedKeys = ImportWithoutReplicationRoleIT.foreignKeys(run);
    for (String phase : new String[] {"plan", "export", "validate"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    assertEquals(login == Login.OWNER ? ForeignKeyStrategy.DROP_AND_RECREATE : ForeignKeyStrategy.REPLICATION_ROLE,
        plan.foreignKeyStrategy());
    List<String> tables = plan.tables().stream().map(TablePlan::targetTable).toList();
    String migrationId = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().migrationId();
    JsonImportJournalAdapter journal = new JsonImportJournalAdapter(workDirectory);

    Process importing = startImport(run);
    try {
      awaitSomeButNotAllCommitted(importing, journal, migrationId, tables.size());
    } finally {
      importing.destroyForcibly();
      assertTrue(importing.waitFor(30, TimeUnit.SECONDS), "the killed import did not end");
    }
    Map<String, Long> committedAtKill = journal.committed(migrationId);
    assertTrue(committedAtKill.size() < tables.size(), "the kill came after the last table: " + committedAtKill);

    assertEquals(0, run.converge("import"), "the re-run: " + run.output());
    String skipped = run.out.toString().lines().filter(line -> line.startsWith("Already committed by an earlier run: "))
        .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("nothing skipped: " + run.output()));
    for (String table : committedAtKill.keySet()) {
      assertTrue(List.of(skipped.substring(skipped.indexOf(": ") + 2).split(", ")).contains(table),
          table + " was committed before the kill, so skipped: " + skipped);
    }
    assertEquals(0, run.converge("verify"), run.output());
    Map<String, String> resumed = endState(run, tables);
    assertEquals(provisionedKeys, ImportWithoutReplicationRoleIT.foreignKeys(run), "every foreign key is back");

    assertEquals(0, run.converge("rollback", "--yes"), run.output());
    assertEquals(0, run.converge("import", "--parallel", "1"), "uninterrupted: " + run.output());
    assertEquals(0, run.converge("verify"), run.output());
    assertEquals(endState(run, tables), resumed, "the resumed import ends as an uninterrupted one");
  }

  /** The same converge as {@link Rehearsal#converge}, as a JVM of its own with this test's classpath. */
  private Process startImport(Rehearsal run) throws IOException {
    return ChildConverge.process(workDirectory, run.arguments("import", "--parallel", "1"),
            Map.of("CONVERGE_LOG_FILE", workDirectory.resolve("killed_import.log").toString()))
        .redirectOutput(workDirectory.resolve("killed_import.out").toFile())
        .redirectError(workDirectory.resolve("killed_import.err").toFile())
        .start();
  }

  private void awaitSomeButNotAllCommitted(Process importing, JsonImportJournalAdapter journal, String migrationId,
      int tables) throws Exception {
    long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      int committed = Files.exists(workDirectory.resolve("import_journal.json"))
          ? journal.committed(migrationId).size() : 0;
      if (committed >= tables || !importing.isAlive()) {
        fail("the import " + (importing.isAlive() ? "committed every table" : "ended (status " + importing.exitValue()
            + ")") + " before it could be killed with some but not all committed; raise SCALE. Its output: "
            + childOutput());
      }
      if (committed >= 1) {
        return;
      }
      Thread.sleep(5);
    }
    fail("no table was committed within " + IMPORT_TIMEOUT + ": " + childOutput());
  }

  private String childOutput() throws IOException {
    return Files.readString(workDirectory.resolve("killed_import.out")) + "\n--- stderr ---\n"
        + Files.readString(workDirectory.resolve("killed_import.err"));
  }

  /** Per table: row count and a checksum over every row's text; per sequence: its state. */
  static Map<String, String> endState(Rehearsal run, List<String> tables) throws SQLException {
    Map<String, String> state = new TreeMap<>();
    try (Connection connection = ImportWithoutReplicationRoleIT.connect(run);
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        try (ResultSet row = statement.executeQuery("SELECT count(*) || ' ' || COALESCE(md5(string_agg(t::text, E'\\n'"
            + " ORDER BY t::text)), '-') FROM " + quoted + " t")) {
          row.next();
          state.put(table, row.getString(1));
        }
      }
      try (ResultSet sequences = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
          + " WHERE schemaname = 'public'")) {
        while (sequences.next()) {
          state.put("sequence " + sequences.getString(1), String.valueOf(sequences.getObject(2)));
        }
      }
    }
    return state;
  }
}
