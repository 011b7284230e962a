package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.domain.failure.CheckQueryFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist queries on a real PostgreSQL 17: read-only, time-limited, one statement, another database by name. */
class PostgresChecklistQueryAdapterIT {

  private static DatabaseEndpoint target;
  private static String other;
  private static HikariDataSource pool;
  private static PostgresChecklistQueryAdapter adapter;

  @BeforeAll
  static void databases() throws SQLException {
    target = SharedPostgresServer.get().endpoint(SharedPostgresServer.freshDatabase("checklist"));
    other = SharedPostgresServer.freshDatabase("checklist_other");
    pool = PostgresDataSourceFactory.target(target, 2);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA app");
      statement.execute("CREATE TABLE app.person (id integer PRIMARY KEY, email text, born timestamp, active boolean)");
      statement.execute("INSERT INTO app.person VALUES (1, 'a@example.org', '2000-01-01 00:00:00.5', true),"
          + " (2, NULL, NULL, false)");
    }
    try (Connection connection = PostgresDataSourceFactory.single(SharedPostgresServer.get().endpoint(other));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE identities (id integer, traits jsonb)");
      statement.execute("INSERT INTO identities VALUES (7, '{\"email\": \"b@example.org\"}')");
    }
    adapter = new PostgresChecklistQueryAdapter(pool, target, "app");
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  private static List<List<String>> rows(String database, String sql, List<String> columns) {
    List<List<String>> rows = new ArrayList<>();
    List<String> found = adapter.query(database, sql, Duration.ofSeconds(10), row -> rows.add(new ArrayList<>(row)));
    assertEquals(columns, found);
    return rows;
  }

  @Test
  void theTargetSchemaComesFirstAndValuesArriveAsPostgresText() {
    List<List<String>> rows = rows(null, "SELECT id, email, born, active FROM person ORDER BY id;\n",
        List.of("id", "email", "born", "active"));

    assertEquals(List.of(List.of("1", "a@example.org", "2000-01-01 00:00:00.5", "t"),
        java.util.Arrays.asList("2", null, null, "f")), rows);
  }

  @Test
  void anotherDatabaseOnTheSameServerIsReachedByItsName() {
    assertEquals(List.of(List.of("b@example.org", "7")),
        rows(other, "SELECT traits->>'email' AS email, id FROM identities -- a trailing comment", List.of("email", "id")));
  }

  @Test
  void nothingCanBeWrittenNotEvenAfterASemicolon() throws SQLException {
    CheckQueryFailedException delete = assertThrows(CheckQueryFailedException.class,
        () -> rows(null, "WITH gone AS (DELETE FROM person RETURNING id) SELECT * FROM gone", List.of()));
    CheckQueryFailedException twoStatements = assertThrows(CheckQueryFailedException.class,
        () -> rows(null, "SELECT 1; DELETE FROM person", List.of()));

    // A data-modifying WITH is refused inside a subquery before the read-only transaction is even asked.
    assertEquals("0A000", delete.sqlState(), delete.getMessage());
    assertEquals("42601", twoStatements.sqlState(), twoStatements.getMessage());
    assertEquals(target.database(), twoStatements.database());
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        var count = statement.executeQuery("SELECT count(*) FROM app.person")) {
      count.next();
      assertEquals(2, count.getInt(1));
    }
  }

  @Test
  void aFunctionThatWritesFailsInTheReadOnlyTransaction() throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE FUNCTION app.forget() RETURNS integer LANGUAGE sql AS"
          + " 'DELETE FROM app.person RETURNING id'");
    }

    CheckQueryFailedException refused = assertThrows(CheckQueryFailedException.class,
        () -> rows(null, "SELECT forget()", List.of()));

    assertEquals("25006", refused.sqlState(), refused.getMessage());
    assertEquals("cannot execute DELETE in a read-only transaction", refused.serverMessage());
  }

  @Test
  void aSlowQueryIsCancelledAtTheTimeLimit() {
    CheckQueryFailedException cancelled = assertThrows(CheckQueryFailedException.class,
        () -> adapter.query(null, "SELECT pg_sleep(5)", Duration.ofMillis(200), row -> {}));

    assertEquals("57014", cancelled.sqlState(), cancelled.getMessage());
  }

  @Test
  void aMissingTableOrDatabaseIsReportedWithTheServersSqlState() {
    CheckQueryFailedException table = assertThrows(CheckQueryFailedException.class,
        () -> rows(null, "SELECT * FROM no_such_table", List.of()));
    CheckQueryFailedException database = assertThrows(CheckQueryFailedException.class,
        () -> rows("no_such_database", "SELECT 1", List.of()));

    assertEquals("42P01", table.sqlState());
    assertEquals("relation \"no_such_table\" does not exist", table.serverMessage());
    assertEquals("3D000", database.sqlState(), database.getMessage());
    assertEquals("no_such_database", database.database());
  }
}
