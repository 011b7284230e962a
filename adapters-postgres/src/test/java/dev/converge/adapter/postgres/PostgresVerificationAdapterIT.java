package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.domain.schema.ForeignKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading target rows back on a real PostgreSQL 17: by a primary key given as the text COPY loads. */
class PostgresVerificationAdapterIT {

  private static HikariDataSource pool;
  private static PostgresVerificationAdapter adapter;

  @BeforeAll
  static void table() throws SQLException {
    pool = PostgresDataSourceFactory.target(SharedPostgresServer.get()
        .endpoint(SharedPostgresServer.freshDatabase("verification")), 2);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.kept (id uuid, at timestamp, name text, PRIMARY KEY (id, at))");
      statement.execute("INSERT INTO public.kept VALUES ('0f8fad5b-d9cb-469f-a165-708677289504', '2024-01-01 10:00:00',"
          + " 'seed'), ('0f8fad5b-d9cb-469f-a165-708677289504', '2024-01-02 10:00:00', 'other'),"
          + " ('1f8fad5b-d9cb-469f-a165-70867728950e', '2024-01-01 10:00:00', NULL)");
      // Stored in the reverse of the key's order.
      statement.execute("CREATE TABLE public.backwards (id int PRIMARY KEY, name text)");
      statement.execute("INSERT INTO public.backwards SELECT n, 'row ' || n FROM generate_series(20000, 1, -1) AS n");
      statement.execute("ANALYZE public.backwards");
      // One parent three children point at, two of them with orphans (loaded as a migration does, triggers off).
      statement.execute("CREATE TABLE public.policy (id int PRIMARY KEY, body text)");
      statement.execute("INSERT INTO public.policy SELECT n, repeat('x', 200) FROM generate_series(1, 5000) AS n");
      for (String child : List.of("space", "profile", "visual")) {
        statement.execute("CREATE TABLE public." + child + " (id int PRIMARY KEY, \"policyId\" int REFERENCES"
            + " public.policy (id))");
      }
      // A child whose key column has another type is counted apart, never coerced in a union.
      statement.execute("CREATE TABLE public.wide (id int PRIMARY KEY, \"policyId\" bigint REFERENCES public.policy (id))");
      statement.execute("SET session_replication_role = replica");
      statement.execute("INSERT INTO public.space SELECT n, n FROM generate_series(1, 3000) AS n");
      statement.execute("INSERT INTO public.space VALUES (3001, 9001), (3002, 9002), (3003, NULL)");
      statement.execute("INSERT INTO public.profile SELECT n, n FROM generate_series(1, 1000) AS n");
      statement.execute("INSERT INTO public.visual VALUES (1, 7777)");
      statement.execute("INSERT INTO public.wide VALUES (1, 1), (2, 8000000000)");
      statement.execute("RESET session_replication_role");
      statement.execute("ANALYZE public.policy, public.space, public.profile, public.visual, public.wide");
    }
    adapter = new PostgresVerificationAdapter(pool, "public");
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  private static List<List<String>> byKey(String id, String at) {
    List<List<String>> rows = new ArrayList<>();
    adapter.streamRowsByKey("kept", List.of("id", "at", "name"), List.of("id", "at"), List.of(id, at),
        values -> rows.add(java.util.Arrays.asList(values.clone())));
    return rows;
  }

  @Test
  void rowsAreStreamedInTheKeysOrderAndTheSessionKeepsItsSettings() throws SQLException {
    List<Integer> ids = new ArrayList<>();
    long rows = adapter.streamRowsInKeyOrder("backwards", List.of("id", "name"), List.of("id"), values -> {
      ids.add(Integer.valueOf(values[0]));
      assertEquals("row " + values[0], values[1]);
    });

    assertEquals(20_000, rows);
    List<Integer> ordered = new ArrayList<>(ids);
    java.util.Collections.sort(ordered);
    assertEquals(ordered, ids);
    List<Integer> unordered = new ArrayList<>();
    adapter.streamRows("backwards", List.of("id"), values -> unordered.add(Integer.valueOf(values[0])));
    assertEquals(20_000, unordered.get(0), "without an order, as stored");
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        java.sql.ResultSet sort = statement.executeQuery("SHOW enable_sort")) {
      sort.next();
      assertEquals("on", sort.getString(1), "the index-only planning ended with the read's transaction");
    }
  }

  @Test
  void theForeignKeysOfOneParentAreCountedInOneQueryThatReadsTheParentOnce() throws SQLException {
    List<CheckTargetIntegrityPort.Reference> references = new ArrayList<>();
    for (String child : List.of("space", "profile", "wide", "visual")) {
      references.add(new CheckTargetIntegrityPort.Reference(child, new ForeignKey(child + "_policy",
          List.of("policyId"), "policy", List.of("id"), "FOREIGN KEY (\"policyId\") REFERENCES policy(id)")));
    }

    assertEquals(List.of(2L, 0L, 1L, 1L), adapter.orphanCounts(references));
    assertEquals(2, adapter.orphans("space", references.get(0).foreignKey(), 5).rows(), "the same as one at a time");

    StringBuilder plan = new StringBuilder();
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        java.sql.ResultSet lines = statement.executeQuery("EXPLAIN " + adapter.orphanCountsQuery(
            references.stream().filter(reference -> !reference.table().equals("wide")).toList()))) {
      while (lines.next()) {
        plan.append(lines.getString(1)).append('\n');
      }
    }
    assertEquals(1, plan.toString().split(" on policy ", -1).length - 1, plan.toString());
    assertTrue(plan.toString().contains("Anti Join") && !plan.toString().contains("Nested Loop"),
        "the parent is read once, not probed per child row: " + plan);
  }

  @Test
  void theRowUnderAKeyIsReadByTheKeysInputTextInPostgresOwnTextAndNoOther() {
    assertEquals(List.of(List.of("0f8fad5b-d9cb-469f-a165-708677289504", "2024-01-02 10:00:00", "other")),
        byKey("0F8FAD5B-D9CB-469F-A165-708677289504", "2024-01-02 10:00:00"), "uuid input folds case, as COPY does");
    assertEquals(List.of(java.util.Arrays.asList("1f8fad5b-d9cb-469f-a165-70867728950e", "2024-01-01 10:00:00", null)),
        byKey("1f8fad5b-d9cb-469f-a165-70867728950e", "2024-01-01 10:00:00.000000"));
    assertEquals(List.of(), byKey("1f8fad5b-d9cb-469f-a165-70867728950e", "2024-01-02 10:00:00"), "no such row");
  }
}
