package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge rollback} returns the target to its post-schema state; the source stays as it was. */
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

  private static Connection target(Rehearsal run) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":" + run.target.port() + "/"
        + run.target.database(), run.target.user(), "");
  }

  private static Map<String, Long> counts(Connection connection) throws SQLException {
    try (connection; Statement statement = connection.createStatement()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : TABLES) {
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
