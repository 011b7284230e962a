package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.PreflightCheck.Kind;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The foreign-key orphan queries on MySQL 8 and MariaDB 11.4: every orphan by key, compared as the
 * target compares (bytewise, uuids ignoring case), with the parent's index doing the lookup.
 */
class MySqlPreflightAdapterIT {

  private static String prepare(MySqlFlavor flavor, String... statements) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "orphans");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return database;
  }

  private static PreflightCheck orphan(String name, String column, List<String> folded) {
    return new PreflightCheck("child", null, Kind.ORPHAN, null, null, null, null, List.of(),
        new ForeignKey(name, List.of(column), "parent", List.of("id")),
        new FoldedUniqueKey(name, List.of(column), folded), ValuePolicies.STRICT, false, null, null);
  }

  private static final String[] LOOK_ALIKES = {
    "CREATE TABLE parent (id VARCHAR(40) PRIMARY KEY) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
    "CREATE TABLE child (id INT PRIMARY KEY, textRef VARCHAR(40), uuidRef VARCHAR(40), KEY (textRef))"
        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
    "INSERT INTO parent VALUES ('abc'), ('0f8fad5b-d9cb-469f-a165-70867728950e')",
    // 'ABC' matches 'abc' under _ci, but not in PostgreSQL text; an upper-case uuid still matches as uuid;
    // a uuid with a trailing newline matches nothing.
    "INSERT INTO child VALUES (1, 'ABC', '0F8FAD5B-D9CB-469F-A165-70867728950E'),"
        + " (2, 'abc', CONCAT('0f8fad5b-d9cb-469f-a165-70867728950e', CHAR(10))), (3, NULL, NULL), (4, 'gone', NULL)",
  };

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void everyOrphanIsReportedByKeyAsTheTargetWillJudgeIt(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, LOOK_ALIKES);
    List<PreflightCheck> checks = List.of(orphan("fk_text", "textRef", List.of()), orphan("fk_uuid", "uuidRef", List.of("uuidRef")));
    List<DirtyRow> orphans = new ArrayList<>();
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      List<Finding> findings = new MySqlPreflightAdapter(source).run(checks, Duration.ofSeconds(30), Duration.ofMinutes(1),
          Map.of("child", List.of("id")), orphans::add, () -> false);

      assertEquals(List.of(2L, 1L), findings.stream().map(Finding::rows).toList(), orphans.toString());
      assertTrue(findings.stream().allMatch(Finding::completed));
    }
    assertEquals(List.of("id='1' textRef 'ABC'", "id='4' textRef 'gone'", "id='2' uuidRef '0f8fad5b-d9cb-469f-a165-70867728950e\\x0a'"),
        orphans.stream().sorted(java.util.Comparator.comparing(DirtyRow::column).thenComparing(DirtyRow::key))
            .map(row -> row.key() + " " + row.column() + " " + row.value()).toList());
    assertTrue(orphans.get(0).rule().contains("parent") && orphans.get(0).rule().contains("fk_text"), orphans.get(0).rule());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theParentIsLookedUpThroughItsIndexNeverByAFullScanPerChild(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, LOOK_ALIKES);
    for (PreflightCheck check : List.of(orphan("fk_text", "textRef", List.of()), orphan("fk_uuid", "uuidRef", List.of("uuidRef")))) {
      String sql = MySqlPreflightAdapter.orphanQuery(check, List.of("id"));
      try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1);
          Connection connection = source.getConnection(); Statement statement = connection.createStatement();
          ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
        boolean parentSeen = false;
        StringBuilder shown = new StringBuilder();
        while (plan.next()) {
          shown.append(plan.getString("table")).append(' ').append(plan.getString("type")).append(' ')
              .append(plan.getString("key")).append('\n');
          if ("p".equals(plan.getString("table"))) {
            parentSeen = true;
            assertNotNull(plan.getString("key"), flavor + " reads the parent without an index:\n" + shown + sql);
            assertNotEquals("ALL", plan.getString("type"), shown + sql);
          }
        }
        assertTrue(parentSeen, shown.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aScanWithoutBudgetLeftReportsItsChecksAsNotRunAndTheyBlock(MySqlFlavor flavor) {
    String database = SharedMySqlServers.freshDatabase(flavor, "orphans_budget");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      List<Finding> findings = new MySqlPreflightAdapter(source).run(List.of(orphan("fk", "ref", List.of())),
          Duration.ofSeconds(1), Duration.ofNanos(-1), Map.of(), row -> { }, () -> false);
      assertFalse(findings.get(0).completed());
      assertTrue(findings.get(0).blocking(), "unchecked data is not assumed clean");
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void checksNotStartedWhenTheScanStoppedComeBackNotRun(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, LOOK_ALIKES);
    List<PreflightCheck> checks = List.of(orphan("fk_text", "textRef", List.of()), orphan("fk_uuid", "uuidRef", List.of("uuidRef")));
    int[] asked = {0};
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      // Stopped after the first check began: the second is never run.
      List<Finding> findings = new MySqlPreflightAdapter(source).run(checks, Duration.ofSeconds(30), Duration.ofMinutes(1),
          Map.of("child", List.of("id")), row -> { }, () -> asked[0]++ > 0);
      assertEquals(List.of(true, false), findings.stream().map(Finding::completed).toList());
      assertEquals(2L, findings.get(0).rows());
    }
  }
}
