package dev.converge.adapter.postgres;

import dev.converge.application.port.out.ReadDroppedForeignKeysPort.DroppedForeignKey;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ForeignKeyOrphansException;
import dev.converge.domain.schema.ForeignKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The foreign keys of a load under DROP_AND_RECREATE, kept in {@code converge.dropped_foreign_keys}
 * in the same transaction that drops them: a kill between the drop and the re-creation loses
 * nothing, and the next load's finish finds and re-creates them. Re-creation is one transaction
 * too; the kept definitions are deleted only when every constraint is back.
 *
 * <p>Each definition is kept twice: as the catalog prints it under the session's search_path (what
 * the schema fingerprint sees) and fully qualified (printed under {@code search_path = pg_catalog}),
 * which is what is re-created, so that the re-creation does not depend on any search_path.
 */
final class DroppedForeignKeys {

  static final String STORE_SCHEMA = "converge";
  static final String STORE = STORE_SCHEMA + ".dropped_foreign_keys";

  private static final String CREATE_STORE = "CREATE TABLE " + STORE + " ("
      + "target_schema text NOT NULL, table_schema text NOT NULL, table_name text NOT NULL,"
      + " constraint_name text NOT NULL, columns text[] NOT NULL, referenced_schema text NOT NULL,"
      + " referenced_table text NOT NULL, referenced_columns text[] NOT NULL, definition text NOT NULL,"
      + " qualified_definition text NOT NULL, dropped_at timestamptz NOT NULL DEFAULT now(),"
      + " PRIMARY KEY (table_schema, table_name, constraint_name))";

  // Clones a partitioned table's foreign key adds to each partition (conparentid <> 0) go with it.
  private static final String TOUCHING = """
      SELECT con.oid, con.conname, cn.nspname AS table_schema, c.relname AS table_name,
             ARRAY(SELECT a.attname::text
                   FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
             rn.nspname AS referenced_schema, rc.relname AS referenced_table,
             ARRAY(SELECT a.attname::text
                   FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS referenced_columns,
             pg_catalog.pg_get_constraintdef(con.oid) AS definition
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
      JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
      JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
      JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype = 'f' AND con.conparentid = 0
        AND ((cn.nspname = ? AND c.relname = ANY (?)) OR (rn.nspname = ? AND rc.relname = ANY (?)))
      ORDER BY cn.nspname, c.relname, con.conname
      """;

  private static final String KEPT = "SELECT table_schema, table_name, constraint_name, columns, referenced_schema,"
      + " referenced_table, referenced_columns, definition, qualified_definition FROM " + STORE
      + " WHERE target_schema = ? ORDER BY table_schema, table_name, constraint_name";

  private static final int ORPHAN_EXAMPLES = 5;

  private final DataSource target;
  private final String schema;

  DroppedForeignKeys(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /**
   * In one transaction: keeps every foreign key of the schema that touches {@code tables} (as child
   * or parent), then drops it. Keys kept by an interrupted earlier load stay kept.
   */
  void keepAndDrop(List<String> tables) {
    if (STORE_SCHEMA.equals(schema)) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the target schema must not be called \"" + STORE_SCHEMA
          + "\": converge keeps dropped foreign keys in a schema of that name");
    }
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try {
        createStore(connection);
        List<Kept> touching = touching(connection, tables);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + STORE + " (target_schema,"
            + " table_schema, table_name, constraint_name, columns, referenced_schema, referenced_table,"
            + " referenced_columns, definition, qualified_definition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            // A key re-added by hand since an interrupted load is kept as it is now.
            + " ON CONFLICT (table_schema, table_name, constraint_name) DO UPDATE SET"
            + " target_schema = EXCLUDED.target_schema, columns = EXCLUDED.columns,"
            + " referenced_schema = EXCLUDED.referenced_schema, referenced_table = EXCLUDED.referenced_table,"
            + " referenced_columns = EXCLUDED.referenced_columns, definition = EXCLUDED.definition,"
            + " qualified_definition = EXCLUDED.qualified_definition, dropped_at = now()")) {
          for (Kept key : touching) {
            insert.setString(1, schema);
            insert.setString(2, key.tableSchema());
            insert.setString(3, key.table());
            insert.setString(4, key.name());
            insert.setArray(5, connection.createArrayOf("text", key.columns().toArray()));
            insert.setString(6, key.referencedSchema());
            insert.setString(7, key.referencedTable());
            insert.setArray(8, connection.createArrayOf("text", key.referencedColumns().toArray()));
            insert.setString(9, key.definition());
            insert.setString(10, key.qualifiedDefinition());
            insert.addBatch();
          }
          insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
          for (Kept key : touching) {
            statement.execute("ALTER TABLE " + key.qualifiedTable() + " DROP CONSTRAINT " + quote(key.name()));
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        throw new ConvergeException(ErrorCode.IMPORT, "the target login lacks a privilege that dropping and re-creating"
            + " the foreign keys needs: " + e.getMessage() + ". It must own the loaded tables and be able to keep the"
            + " dropped definitions in " + STORE + " (GRANT CREATE ON DATABASE, or create schema " + STORE_SCHEMA
            + " and GRANT CREATE on it); or GRANT SET ON PARAMETER session_replication_role to it and plan again."
            + " Nothing was dropped", e);
      }
      throw new ConvergeException(ErrorCode.IMPORT, "cannot drop the foreign keys for the load: " + e.getMessage()
          + " (SQLSTATE " + e.getSQLState() + "); nothing was dropped", e);
    }
  }

  /**
   * In one transaction: re-creates every kept foreign key of this schema with its own name and
   * definition, then forgets them. When rows miss their parent, nothing is committed, the
   * definitions stay kept, and the failure names each such constraint with a few orphan keys.
   */
  void recreate() {
    try (Connection connection = target.getConnection()) {
      if (!storeExists(connection)) {
        return;
      }
      connection.setAutoCommit(false);
      try {
        List<Kept> kept = kept(connection);
        if (kept.isEmpty()) {
          connection.rollback();
          return;
        }
        List<ForeignKeyOrphansException.Orphans> orphans = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET LOCAL search_path = pg_catalog");
          for (Kept key : kept) {
            // A savepoint per key, so that every constraint with orphans is named, not only the first.
            Savepoint before = connection.setSavepoint();
            try {
              statement.execute("ALTER TABLE " + key.qualifiedTable() + " ADD CONSTRAINT " + quote(key.name()) + " "
                  + key.qualifiedDefinition());
              connection.releaseSavepoint(before);
            } catch (SQLException e) {
              connection.rollback(before);
              if (!"23503".equals(e.getSQLState())) {
                throw e;
              }
              orphans.add(new ForeignKeyOrphansException.Orphans(key.name(), key.displayTable(schema), key.columns(),
                  key.displayReferencedTable(schema), orphanExamples(connection, key)));
            }
          }
        }
        if (!orphans.isEmpty()) {
          connection.rollback();
          throw new ForeignKeyOrphansException(orphans, "their definitions stay in " + STORE
              + "; correct or remove those rows (or load their parents) and run converge import again, which"
              + " re-creates them");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + STORE + " WHERE target_schema = ?")) {
          delete.setString(1, schema);
          delete.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot re-create the dropped foreign keys: " + e.getMessage()
          + " (SQLSTATE " + e.getSQLState() + "); their definitions stay in " + STORE + " for the next import", e);
    }
  }

  /** The kept foreign keys whose table is in this schema, as the catalog would report them. */
  List<DroppedForeignKey> pending() {
    try (Connection connection = target.getConnection()) {
      if (!storeExists(connection)) {
        return List.of();
      }
      return kept(connection).stream().filter(key -> key.tableSchema().equals(schema))
          .map(key -> new DroppedForeignKey(key.table(), new ForeignKey(key.name(), key.columns(),
              key.displayReferencedTable(schema), key.referencedColumns(), key.definition())))
          .toList();
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read " + STORE + ": " + e.getMessage(), e);
    }
  }

  /** Forgets the keys kept for this schema: after the schema itself was dropped they have nothing to come back to. */
  void forget(Connection connection) throws SQLException {
    if (storeExists(connection)) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + STORE + " WHERE target_schema = ?")) {
        delete.setString(1, schema);
        delete.executeUpdate();
      }
    }
  }

  /** Looked up first: CREATE … IF NOT EXISTS checks the CREATE privilege even when the object exists. */
  private static void createStore(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet found = statement.executeQuery(
          "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = '" + STORE_SCHEMA + "'")) {
        if (!found.next()) {
          statement.execute("CREATE SCHEMA " + STORE_SCHEMA);
        }
      }
      if (!storeExists(connection)) {
        statement.execute(CREATE_STORE);
      }
    }
  }

  private static boolean storeExists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet found = statement.executeQuery("SELECT to_regclass('" + STORE + "') IS NOT NULL")) {
      found.next();
      return found.getBoolean(1);
    }
  }

  private List<Kept> touching(Connection connection, List<String> tables) throws SQLException {
    List<Kept> touching = new ArrayList<>();
    List<Long> oids = new ArrayList<>();
    Array names = connection.createArrayOf("text", tables.toArray());
    try (PreparedStatement statement = connection.prepareStatement(TOUCHING)) {
      statement.setString(1, schema);
      statement.setArray(2, names);
      statement.setString(3, schema);
      statement.setArray(4, names);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          oids.add(rows.getLong("oid"));
          touching.add(new Kept(rows.getString("table_schema"), rows.getString("table_name"), rows.getString("conname"),
              strings(rows.getArray("columns")), rows.getString("referenced_schema"), rows.getString("referenced_table"),
              strings(rows.getArray("referenced_columns")), rows.getString("definition"), null));
        }
      }
    }
    // The same definitions printed with nothing on the search_path: every name qualified. Everything
    // after this in the transaction names its objects in full, so the setting may stay until commit.
    List<Kept> qualified = new ArrayList<>(touching.size());
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL search_path = pg_catalog");
      try (PreparedStatement definition = connection.prepareStatement("SELECT pg_catalog.pg_get_constraintdef(?::oid)")) {
        for (int i = 0; i < touching.size(); i++) {
          definition.setLong(1, oids.get(i));
          try (ResultSet row = definition.executeQuery()) {
            row.next();
            qualified.add(touching.get(i).qualifiedAs(row.getString(1)));
          }
        }
      }
    }
    return qualified;
  }

  private List<Kept> kept(Connection connection) throws SQLException {
    List<Kept> kept = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(KEPT)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          kept.add(new Kept(rows.getString("table_schema"), rows.getString("table_name"), rows.getString("constraint_name"),
              strings(rows.getArray("columns")), rows.getString("referenced_schema"), rows.getString("referenced_table"),
              strings(rows.getArray("referenced_columns")), rows.getString("definition"),
              rows.getString("qualified_definition")));
        }
      }
    }
    return kept;
  }

  /** A few child keys without their parent, as {@code (value, …)}; NULL keys are never orphans. */
  private static List<String> orphanExamples(Connection connection, Kept key) throws SQLException {
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < key.columns().size(); i++) {
      conditions.add("p." + quote(key.referencedColumns().get(i)) + " = c." + quote(key.columns().get(i)));
    }
    String sql = "SELECT " + key.columns().stream().map(c -> "c." + quote(c) + "::text").collect(Collectors.joining(", "))
        + " FROM " + key.qualifiedTable() + " c WHERE "
        + key.columns().stream().map(c -> "c." + quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "))
        + " AND NOT EXISTS (SELECT 1 FROM " + quote(key.referencedSchema()) + "." + quote(key.referencedTable())
        + " p WHERE " + String.join(" AND ", conditions) + ") LIMIT " + ORPHAN_EXAMPLES;
    List<String> examples = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= key.columns().size(); i++) {
          values.add(rows.getString(i));
        }
        examples.add("(" + String.join(", ", values) + ")");
      }
    }
    return examples;
  }

  private static List<String> strings(Array array) throws SQLException {
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection goes back to the pool, which discards one it cannot reset.
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** One kept foreign key. */
  private record Kept(String tableSchema, String table, String name, List<String> columns, String referencedSchema,
      String referencedTable, List<String> referencedColumns, String definition, String qualifiedDefinition) {

    Kept qualifiedAs(String qualified) {
      return new Kept(tableSchema, table, name, columns, referencedSchema, referencedTable, referencedColumns,
          definition, qualified);
    }

    String qualifiedTable() {
      return quote(tableSchema) + "." + quote(table);
    }

    String displayTable(String schema) {
      return tableSchema.equals(schema) ? table : tableSchema + "." + table;
    }

    /** As the catalog adapter names it: unqualified in the target schema, {@code schema.table} elsewhere. */
    String displayReferencedTable(String schema) {
      return referencedSchema.equals(schema) ? referencedTable : referencedSchema + "." + referencedTable;
    }
  }
}
