package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRollbackJournalAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.SchemaFingerprint;
import dev.converge.domain.plan.TablePlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code converge rollback} returns the target to its post-schema state — by emptying the tables or
 * by dropping and re-provisioning the schema; the source stays as it was.
 */
class RollbackTargetIT {

  private static final List<String> TABLES = List.of("authorization_policy", "platform", "user", "space");

  @TempDir Path workDirectory;

  @Test
  void theSeedRowsComeBackTheLoadedRowsGoAndTheSourceIsUntouched() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    Map<String, Long> seeded = counts(target(run));
    Map<String, Long> source = sourceCounts(run);
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    assertTrue(counts(target(run)).get("user") > 0, "the import loaded users");

    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("rollback"), "without --yes: " + run.output());
    assertEquals(0, run.converge("rollback", "--yes"), run.output());

    assertEquals(seeded, counts(target(run)), "back to what the schema phase left");
    assertEquals(source, sourceCounts(run), "the source was never written");
    assertTrue(run.out.toString().contains("authorization_policy: " + seeded.get("authorization_policy")), run.output());
    assertEquals(0, run.converge("import"), "after a rollback the import starts clean: " + run.output());
    assertEquals(0, run.converge("verify"), run.output());
  }

  @Test
  void aSecondRunFromANewWorkDirectoryRollsBackToTheSchemaTimeRowsNotToTheFirstLoad() throws Exception {
    Rehearsal first = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true,
        workDirectory.resolve("first"));
    Map<String, Long> seeded = counts(target(first));
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, first.converge(phase), phase + ": " + first.output());
    }
    Rehearsal second = first.withWorkDirectory(workDirectory.resolve("second"));
    assertEquals(0, second.converge("schema", "--flyway-location", first.dataset.postgresMigrationLocation()),
        second.output());
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, second.converge(phase), phase + ": " + second.output());
    }
    assertTrue(counts(target(second)).get("user") > 0, "the second run loaded users");

    assertEquals(0, second.converge("rollback", "--yes"), second.output());

    assertEquals(seeded, counts(target(second)), "the rows the target held before converge's first load, no others");
  }

  @Test
  void aTargetWhoseRowsWereNeverKeptIsNotEmptied() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    try (Connection connection = target(run); Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM converge.schema_rows WHERE table_name = 'platform'");
    }
    Map<String, Long> loaded = counts(target(run));

    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("rollback", "--yes"), run.output());

    assertTrue(run.err.toString().contains("table platform") && run.err.toString().contains("rollback --drop"),
        run.output());
    assertEquals(loaded, counts(target(run)), "nothing was emptied");
  }

  @Test
  void dropLeavesTheSchemaExactlyAsFreshlyProvisionedAndIsJournaled() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    List<String> tables = plan.tables().stream().map(TablePlan::targetTable).toList();
    String location = run.dataset.postgresMigrationLocation();

    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("rollback", "--drop", "--flyway-location", location),
        "without --yes: " + run.output());
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), run.converge("rollback", "--drop", "--yes"),
        "without the provisioning: " + run.output());
    assertTrue(counts(target(run), List.of("user")).get("user") > 0, "refused, so nothing was dropped");

    assertEquals(0, run.converge("rollback", "--drop", "--yes", "--flyway-location", location), run.output());

    try (PostgresTarget target = PostgresTarget.open(run.target, "public", 2)) {
      assertEquals(plan.targetFingerprint(), SchemaFingerprint.of(target.catalog().readTargetSchema()),
          "the schema as the plan saw it");
    }
    Map<String, Long> afterDrop = counts(target(run), tables);
    Rehearsal fresh = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true,
        workDirectory.resolve("fresh"));
    assertEquals(counts(target(fresh), tables), afterDrop, "the seed rows and no others, as freshly provisioned");
    List<Map<String, Object>> rollbacks = new JsonRollbackJournalAdapter(workDirectory).read();
    assertEquals(1, rollbacks.size(), "the refused rollbacks are not recorded: " + rollbacks);
    assertEquals("drop", rollbacks.get(0).get("mode"));
    assertEquals(tables, rollbacks.get(0).get("tables"));
    assertTrue(Instant.parse((String) rollbacks.get(0).get("time")).isAfter(Instant.now().minusSeconds(600)));

    assertEquals(0, run.converge("import"), "after the drop the import starts clean: " + run.output());
    assertEquals(0, run.converge("verify"), run.output());
    assertEquals(0, run.converge("rollback", "--yes"), run.output());
    assertEquals(List.of("drop", "truncate"),
        new JsonRollbackJournalAdapter(workDirectory).read().stream().map(entry -> entry.get("mode")).toList());
  }

  private static Connection target(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":" + run.target.port() + "/"
        + run.target.database(), run.target.user(), "");
  }

  private static Map<String, Long> counts(Connection connection) throws SQLException {
    return counts(connection, TABLES);
  }

  private static Map<String, Long> counts(Connection connection, List<String> tables) throws SQLException {
    try (connection; Statement statement = connection.createStatement()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : tables) {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
      return counts;
    }
  }

  private static Map<String, Long> sourceCounts(Rehearsal run) throws SQLException {
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(run.source, 1);
        Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : TABLES) {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
      return counts;
    }
  }
}
