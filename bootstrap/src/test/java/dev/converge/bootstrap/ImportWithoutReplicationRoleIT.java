package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.plan.ForeignKeyStrategy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run with a target login that may not set session_replication_role, as on a managed
 * PostgreSQL: the plan chooses DROP_AND_RECREATE, the import drops the foreign keys, loads, and
 * re-creates them exactly; verify passes; a rollback under the same strategy works too.
 */
class ImportWithoutReplicationRoleIT {

  @TempDir Path workDirectory;

  @Test
  void planExportValidateImportAndVerifyPassAndTheForeignKeysComeBackAsTheyWere() throws SQLException {
    Rehearsal run = Rehearsal.withOwnerLogin("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001),
        workDirectory);
    Map<String, String> provisioned = foreignKeys(run);
    assertFalse(provisioned.isEmpty(), "the baseline has foreign keys");

    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(ForeignKeyStrategy.DROP_AND_RECREATE,
        new JsonPlanFileAdapter(workDirectory).load().orElseThrow().foreignKeyStrategy());
    for (String phase : new String[] {"export", "validate", "import", "verify"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    assertTrue(run.out.toString().contains("PASS"), run.output());
    assertEquals(provisioned, foreignKeys(run), "every foreign key back with its name and definition");
    assertEquals(0, keptDefinitions(run));

    assertEquals(0, run.converge("rollback", "--yes"), run.output());
    assertEquals(provisioned, foreignKeys(run), "the rollback re-created them too");
    assertEquals(0, run.converge("import"), run.output());
    assertEquals(0, run.converge("verify"), run.output());
    assertEquals(provisioned, foreignKeys(run));
  }

  static Connection connect(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":" + run.target.port() + "/"
        + run.target.database(), run.target.user(), run.target.password());
  }

  /** table.constraint → pg_get_constraintdef, for every foreign key of schema public. */
  static Map<String, String> foreignKeys(Rehearsal run) throws SQLException {
    Map<String, String> keys = new TreeMap<>();
    try (Connection connection = connect(run); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
            + " WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace")) {
      while (rows.next()) {
        keys.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
      }
    }
    return keys;
  }

  private static long keptDefinitions(Rehearsal run) throws SQLException {
    try (Connection connection = connect(run); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM converge.dropped_foreign_keys")) {
      row.next();
      return row.getLong(1);
    }
  }
}
