package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.mysql.embedded.MySqlFlavor;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import dev.converge.domain.plan.PreflightCheck.Kind;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pre-flight check kind, phrased as SQL, counts exactly the offending rows on MySQL 8 and MariaDB 11.4. */
class MySqlPreflightAdapterIT {

  private static final String[] DDL = {
    "CREATE TABLE parent (id CHAR(36) PRIMARY KEY) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
    "CREATE TABLE sample (id INT PRIMARY KEY, maybe VARCHAR(10) NULL, ref CHAR(36) NULL, big INT UNSIGNED NOT NULL,"
        + " title VARCHAR(50) NOT NULL, born DATETIME(6) NULL, day DATE NULL, era YEAR NULL, note TEXT NULL,"
        + " doc JSON NULL, flag TINYINT NOT NULL, status VARCHAR(20) NOT NULL, raw LONGTEXT NULL, span TIME NULL,"
        + " email VARCHAR(100) NULL, parentId CHAR(36) NULL) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
    "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'",
    "INSERT INTO parent VALUES ('11111111-1111-1111-1111-111111111111')",
    // Row 1 is clean everywhere; rows 2 and 3 carry one defect per column.
    "INSERT INTO sample VALUES (1, 'x', '22222222-2222-2222-2222-222222222222', 5, 'short', '2024-01-15 10:30:00.123456',"
        + " '2024-01-15', 2024, 'plain', '{\"a\": 1}', 1, 'active', '{\"ok\": true}', '10:00:00', 'A@x.org',"
        + " '11111111-1111-1111-1111-111111111111')",
    "INSERT INTO sample VALUES (2, NULL, 'not-a-uuid', 4000000000, REPEAT('é', 30), '0000-00-00 00:00:00',"
        + " '2024-00-10', 0, CONCAT('nul', CHAR(0), 'here'), JSON_OBJECT('k', CONCAT('a', CHAR(0))), 2, 'Active',"
        + " '{broken', '838:00:00', 'a@x.org', '99999999-9999-9999-9999-999999999999')",
    "INSERT INTO sample VALUES (3, NULL, '33333333-3333-3333-3333-33333333333Z', 7, 'ok', '2024-01-15 00:00:00',"
        + " '2024-01-15', 2000, 'fine', '[]', 0, 'archived', NULL, '-01:00:00', 'b@x.org', NULL)",
  };

  private static String prepare(MySqlFlavor flavor, String... statements) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "preflight_alike");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return database;
  }

  private static PreflightCheck check(String column, Kind kind, String dataType) {
    return new PreflightCheck("sample", column, kind, dataType, null, null, null, List.of(), null, null,
        ValuePolicies.STRICT, true, null, null);
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void eachCheckCountsExactlyTheOffendingRowsWithAnExample(MySqlFlavor flavor) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "preflight");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : DDL) {
        statement.execute(sql);
      }
    }
    List<PreflightCheck> checks = List.of(
        check("maybe", Kind.NULL_IN_NOT_NULL, "varchar"),
        check("ref", Kind.INVALID_UUID, "char"),
        new PreflightCheck("sample", "big", Kind.OUT_OF_RANGE, "int", BigInteger.valueOf(Integer.MIN_VALUE),
            BigInteger.valueOf(Integer.MAX_VALUE), null, List.of(), null, null, ValuePolicies.STRICT, false, null, null),
        new PreflightCheck("sample", "title", Kind.TOO_LONG, "varchar", null, null, 20L, List.of(), null, null,
            ValuePolicies.STRICT, false, null, null),
        check("born", Kind.ZERO_DATE, "datetime"),
        check("day", Kind.ZERO_DATE, "date"),
        check("era", Kind.ZERO_DATE, "year"),
        check("note", Kind.NUL_BYTE, "text"),
        check("flag", Kind.NOT_BOOLEAN, "tinyint"),
        new PreflightCheck("sample", "status", Kind.NOT_A_LABEL, "varchar", null, null, null, List.of("active", "archived"),
            null, null, ValuePolicies.STRICT, false, null, null),
        check("raw", Kind.INVALID_JSON, "longtext"),
        check("span", Kind.TIME_OUT_OF_RANGE, "time"),
        new PreflightCheck("sample", "email", Kind.CASE_DUPLICATE, "varchar", null, null, null, List.of(), null,
            new FoldedUniqueKey("uq", List.of("email"), List.of("email")), ValuePolicies.STRICT, true, null, null),
        new PreflightCheck("sample", null, Kind.ORPHAN, null, null, null, null, List.of(),
            new ForeignKey("fk", List.of("parentId"), "parent", List.of("id")), null, ValuePolicies.STRICT, false, null, null));

    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      List<Finding> findings = new MySqlPreflightAdapter(source).run(checks, Duration.ofSeconds(30), Duration.ofMinutes(1));

      assertEquals(checks.size(), findings.size());
      long[] expected = {2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1};
      for (int i = 0; i < checks.size(); i++) {
        Finding finding = findings.get(i);
        assertTrue(finding.completed(), finding.describe());
        assertEquals(expected[i], finding.rows(), finding.describe());
        assertTrue(finding.example() != null, "no example: " + finding.describe());
      }
      assertEquals("'33333333-3333-3333-3333-33333333333Z'", findings.get(1).example(), "the smallest offending value");
      assertTrue(findings.get(3).example().startsWith("'30 characters"), findings.get(3).example());
      assertEquals("'nul\\x00here'", findings.get(7).example(), "the NUL is shown escaped");
      assertEquals("'Active'", findings.get(9).example(), "labels compare case-sensitively, as a Postgres enum does");
      assertEquals("'99999999-9999-9999-9999-999999999999'", findings.get(13).example());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void lookAlikesAreJudgedAsTheTargetWillJudgeThem(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        "CREATE TABLE parent (id VARCHAR(36) PRIMARY KEY) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
        "CREATE TABLE child (id INT PRIMARY KEY, textRef VARCHAR(36), uuidRef VARCHAR(40), code VARCHAR(10),"
            + " amount DECIMAL(10,4), at DATETIME(6)) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
        "INSERT INTO parent VALUES ('abc'), ('0f8fad5b-d9cb-469f-a165-70867728950e')",
        // 'ABC' matches 'abc' under _ci, but not in PostgreSQL text; an upper-case uuid still matches as uuid.
        "INSERT INTO child VALUES (1, 'ABC', '0F8FAD5B-D9CB-469F-A165-70867728950E', 'x', 12.3400, '2024-01-15 10:00:00'),"
            + " (2, 'abc', CONCAT('0f8fad5b-d9cb-469f-a165-70867728950e', CHAR(10)), 'x', 12.3456, '2024-01-15 10:00:00.5')");
    List<PreflightCheck> checks = List.of(
        new PreflightCheck("child", null, Kind.ORPHAN, null, null, null, null, List.of(),
            new ForeignKey("fk_text", List.of("textRef"), "parent", List.of("id")),
            new FoldedUniqueKey("fk_text", List.of("textRef"), List.of()), ValuePolicies.STRICT, false, null, null),
        new PreflightCheck("child", null, Kind.ORPHAN, null, null, null, null, List.of(),
            new ForeignKey("fk_uuid", List.of("uuidRef"), "parent", List.of("id")),
            new FoldedUniqueKey("fk_uuid", List.of("uuidRef"), List.of("uuidRef")), ValuePolicies.STRICT, false, null, null),
        new PreflightCheck("child", "uuidRef", Kind.INVALID_UUID, "char", null, null, null, List.of(), null, null,
            ValuePolicies.STRICT, true, null, null),
        new PreflightCheck("child", "code", Kind.DUPLICATE_KEY, "varchar", null, null, null, List.of(), null,
            new FoldedUniqueKey("uq", List.of("code"), List.of()), ValuePolicies.STRICT, false, null, null),
        new PreflightCheck("child", "amount", Kind.NOT_EXACT, "decimal", null, null, null, List.of(), null, null,
            ValuePolicies.STRICT, false, 10, 2),
        new PreflightCheck("child", "at", Kind.NOT_EXACT, "datetime", null, null, null, List.of(), null, null,
            ValuePolicies.STRICT, false, 0, null));
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      List<Finding> findings = new MySqlPreflightAdapter(source).run(checks, Duration.ofSeconds(30), Duration.ofMinutes(1));
      assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L), findings.stream().map(Finding::rows).toList(),
          findings.stream().map(Finding::describe).toList().toString());
      assertEquals("'ABC'", findings.get(0).example(), "a case-only match is an orphan in PostgreSQL");
      assertTrue(findings.get(2).example().contains("\\x0a"), "the trailing newline is caught: " + findings.get(2).example());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theJsonNulEscapeThatJsonbRefusesIsFound(MySqlFlavor flavor) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "preflight_json");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE doc (id INT PRIMARY KEY, body JSON NOT NULL)");
      statement.execute("INSERT INTO doc VALUES (1, '{\"a\": \"fine\"}'), (2, '{\"a\": \"nul\\\\u0000\"}'),"
          + " (3, '{\"a\": \"escaped backslash \\\\\\\\u0000\"}')");
    }
    String dataType = flavor == MySqlFlavor.MYSQL_8_0 ? "json" : "longtext";
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      Finding finding = new MySqlPreflightAdapter(source).run(List.of(new PreflightCheck("doc", "body", Kind.JSON_NUL_ESCAPE,
          dataType, null, null, null, List.of(), null, null, ValuePolicies.STRICT, false, null, null)), Duration.ofSeconds(30),
          Duration.ofMinutes(1)).get(0);
      assertEquals(1, finding.rows(), finding.describe());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aScanWithoutBudgetLeftReportsItsChecksAsNotRunAndTheyBlock(MySqlFlavor flavor) {
    String database = SharedMySqlServers.freshDatabase(flavor, "preflight_budget");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      List<Finding> findings = new MySqlPreflightAdapter(source).run(List.of(check("x", Kind.NOT_BOOLEAN, "tinyint")),
          Duration.ofSeconds(1), Duration.ofNanos(-1));
      assertFalse(findings.get(0).completed());
      assertTrue(findings.get(0).blocking(), "unchecked data is not assumed clean");
    }
  }
}
