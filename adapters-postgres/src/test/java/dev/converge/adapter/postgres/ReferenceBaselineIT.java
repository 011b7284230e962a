package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.GeneratedTable;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.application.port.out.ApplyTargetMigrationsPort.AppliedMigrations;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each dataset's Postgres baseline applies with Flyway, and its clean rows — inserted straight into
 * Postgres by a naive reference path, not by converge — satisfy every target constraint: NOT NULL,
 * types, lengths, enums, uniques, checks and, once re-added, every foreign key. So the pair is consistent.
 */
class ReferenceBaselineIT {

  /** Rows both sides' migrations insert with the same keys; the reference path leaves the target's. */
  private static final Set<String> SEEDED_ON_BOTH_SIDES = Set.of("identity_credential_types");

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void theBaselineAppliesWithFlywayAndLeavesTheSeedRows(String name) throws SQLException {
    ReferenceDataset dataset = ReferenceDatasets.byName(name).orElseThrow();
    DatabaseEndpoint endpoint = SharedPostgresServer.get().endpoint(SharedPostgresServer.freshDatabase(name + "_baseline"));
    try (PostgresTarget target = PostgresTarget.open(endpoint, "public", 2)) {
      AppliedMigrations applied = target.migrations().apply(dataset.postgresMigrationLocation());
      assertTrue(applied.executed() >= 1, "executed " + applied.executed());
      assertEquals(applied, new AppliedMigrations(applied.executed(), applied.version()));
      assertEquals(new AppliedMigrations(0, applied.version()), target.migrations().apply(dataset.postgresMigrationLocation()),
          "a second run applies nothing");
      Map<String, Long> rows = target.inspection().countRows(List.of(name.equals("alkemio") ? "authorization_policy" : "identity_credential_types"));
      assertTrue(rows.values().iterator().next() > 0, "the seed migration leaves rows: " + rows);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"alkemio", "kratos"})
  void theCleanRowsSatisfyEveryTargetConstraint(String name) throws SQLException {
    ReferenceDataset dataset = ReferenceDatasets.byName(name).orElseThrow();
    DatabaseEndpoint endpoint = SharedPostgresServer.get().endpoint(SharedPostgresServer.freshDatabase(name + "_reference"));
    try (PostgresTarget target = PostgresTarget.open(endpoint, "public", 1)) {
      target.migrations().apply(dataset.postgresMigrationLocation());
    }
    DatasetOptions options = new DatasetOptions(0.001, DatasetOptions.DEFAULT_SEED, false);
    Properties properties = new Properties();
    properties.setProperty("user", endpoint.user());
    properties.setProperty("password", endpoint.password());
    // Strings are typed by the server from the column, so uuid, json, enum and timestamp text just work.
    properties.setProperty("stringtype", "unspecified");
    try (Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database(), properties)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TIME ZONE 'UTC'");
      }
      Map<String, String[]> foreignKeys = dropForeignKeys(connection);
      for (GeneratedTable table : dataset.tables()) {
        if (!dataset.tablesNeverCopied().contains(table.name())) {
          insert(connection, table, options);
        }
      }
      for (Map.Entry<String, String[]> foreignKey : foreignKeys.entrySet()) {
        try (Statement statement = connection.createStatement()) {
          // Re-adding validates every row: an orphan in the clean data would fail here.
          statement.execute("ALTER TABLE " + foreignKey.getValue()[0] + " ADD CONSTRAINT \"" + foreignKey.getKey()
              + "\" " + foreignKey.getValue()[1]);
        }
      }
      assertTrue(foreignKeys.size() >= (name.equals("alkemio") ? 20 : 8), "foreign keys checked: " + foreignKeys.size());
      for (GeneratedTable table : dataset.tables()) {
        if (!dataset.tablesNeverCopied().contains(table.name()) && !SEEDED_ON_BOTH_SIDES.contains(table.name())) {
          try (Statement statement = connection.createStatement();
              ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table.name() + "\"")) {
            count.next();
            assertEquals(table.rowCount(options), count.getLong(1), table.name());
          }
        }
      }
    }
  }

  private static Map<String, String[]> dropForeignKeys(Connection connection) throws SQLException {
    Map<String, String[]> foreignKeys = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT conname, conrelid::regclass::text, pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace")) {
      while (rows.next()) {
        foreignKeys.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
      }
    }
    for (Map.Entry<String, String[]> foreignKey : foreignKeys.entrySet()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE " + foreignKey.getValue()[0] + " DROP CONSTRAINT \"" + foreignKey.getKey() + "\"");
      }
    }
    return foreignKeys;
  }

  private static void insert(Connection connection, GeneratedTable table, DatasetOptions options) throws SQLException {
    Set<String> targetColumns = new LinkedHashSet<>();
    try (PreparedStatement columns = connection.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?")) {
      columns.setString(1, table.name());
      try (ResultSet rows = columns.executeQuery()) {
        while (rows.next()) {
          targetColumns.add(rows.getString(1));
        }
      }
    }
    assertTrue(targetColumns.containsAll(table.columns()), table.name() + ": every generated column exists in the target;"
        + " missing " + table.columns().stream().filter(c -> !targetColumns.contains(c)).toList());
    boolean seeded = SEEDED_ON_BOTH_SIDES.contains(table.name());
    if (!seeded) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("TRUNCATE \"" + table.name() + "\"");
      }
    }
    List<String> quoted = new ArrayList<>();
    table.columns().forEach(column -> quoted.add("\"" + column + "\""));
    String sql = "INSERT INTO \"" + table.name() + "\" (" + String.join(", ", quoted) + ") VALUES ("
        + "?, ".repeat(quoted.size() - 1) + "?)" + (seeded ? " ON CONFLICT DO NOTHING" : "");
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      SQLException[] failure = {null};
      long[] row = {0};
      table.rows(options, values -> {
        if (failure[0] != null) {
          return;
        }
        row[0]++;
        try {
          for (int i = 0; i < values.length; i++) {
            bind(insert, i + 1, values[i]);
          }
          insert.executeUpdate();
        } catch (SQLException e) {
          failure[0] = new SQLException(table.name() + " row " + row[0] + ": " + e.getMessage(), e);
        }
      });
      if (failure[0] != null) {
        throw failure[0];
      }
    }
  }

  private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.OTHER);
    } else if (value instanceof byte[] bytes) {
      insert.setBytes(index, bytes);
    } else if (value instanceof Boolean flag) {
      insert.setBoolean(index, flag);
    } else if (value instanceof BigDecimal number) {
      insert.setString(index, number.toPlainString());
    } else {
      insert.setString(index, value.toString());
    }
  }
}
